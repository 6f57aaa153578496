package org.neuroatlas.core.volume.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoders and the channel pool on their own, with inputs chosen to hit their edge cases. */
class TiffCodecTest {

    @TempDir
    Path tmp;

    /** Mixed data: noise (table fills fast, many Clear codes), long runs (long strings), repeats (KwKwK codes). */
    private static byte[] mixed(int n, long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[n];
        int i = 0;
        while (i < n) {
            int kind = r.nextInt(3);
            int len = Math.min(n - i, 1 + r.nextInt(3000));
            for (int k = 0; k < len; k++) {
                b[i + k] = switch (kind) {
                    case 0 -> (byte) r.nextInt();
                    case 1 -> (byte) 7;
                    default -> (byte) (k % 5);
                };
            }
            i += len;
        }
        return b;
    }

    @Test
    void lzwDecodesAcrossCodeWidthsAndTableResets() throws DataFormatException {
        for (int n : new int[] {0, 1, 2, 3, 255, 256, 257, 511, 512, 4000, 70_000, 1 << 20}) {
            byte[] data = mixed(n, n);
            byte[] encoded = TestTiffBuilder.lzw(data);
            byte[] out = new byte[n];
            assertEquals(n, LzwDecoder.decode(encoded, encoded.length, out), "length " + n);
            assertArrayEquals(data, out, "length " + n);
        }
        // all-equal bytes: KwKwK case on every step
        byte[] same = new byte[100_000];
        byte[] out = new byte[same.length];
        byte[] enc = TestTiffBuilder.lzw(same);
        assertEquals(same.length, LzwDecoder.decode(enc, enc.length, out));
        assertArrayEquals(same, out);
    }

    @Test
    void lzwStopsAtTheOutputSizeAndToleratesMissingEoi() throws DataFormatException {
        byte[] data = mixed(10_000, 3);
        byte[] enc = TestTiffBuilder.lzw(data);
        byte[] shortOut = new byte[5000]; // writers may pad strips: decode only what fits
        assertEquals(5000, LzwDecoder.decode(enc, enc.length, shortOut));
        assertArrayEquals(java.util.Arrays.copyOf(data, 5000), shortOut);
        byte[] out = new byte[10_000];
        int n = LzwDecoder.decode(enc, enc.length - 6, out); // EOI and a few codes cut off
        assertTrue(n < 10_000 && n > 9_000, "decodes what is there: " + n);
        byte[] garbage = {(byte) 0x80, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThrows(DataFormatException.class, () -> LzwDecoder.decode(garbage, garbage.length, new byte[100]));
    }

    @Test
    void packBits() throws DataFormatException {
        // the example from the TIFF 6.0 specification, plus a -128 no-op in the middle
        byte[] packed = {(byte) 0xFE, (byte) 0xAA, 0x02, (byte) 0x80, 0x00, 0x2A, (byte) 0x80, (byte) 0xFD, (byte) 0xAA, 0x03,
                (byte) 0x80, 0x00, 0x2A, 0x22, (byte) 0xF7, (byte) 0xAA};
        byte[] expected = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x80, 0x00, 0x2A, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA,
                (byte) 0xAA, (byte) 0x80, 0x00, 0x2A, 0x22, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA,
                (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA};
        byte[] out = new byte[expected.length];
        assertEquals(expected.length, PackBitsDecoder.decode(packed, packed.length, out));
        assertArrayEquals(expected, out);
        byte[] data = mixed(50_000, 9);
        byte[] enc = TestTiffBuilder.packBits(data);
        byte[] back = new byte[data.length];
        assertEquals(data.length, PackBitsDecoder.decode(enc, enc.length, back));
        assertArrayEquals(data, back);
        byte[] cut = {0x05, 1, 2};
        assertThrows(DataFormatException.class, () -> PackBitsDecoder.decode(cut, cut.length, new byte[6]));
    }

    @Test
    void predictorUndoesDifferencingInBothByteOrders() {
        for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            for (int size : new int[] {1, 2, 4}) {
                byte[] data = mixed(6 * 10 * size, size);
                byte[] d = data.clone();
                TestTiffBuilder.differentiate(d, 6, 10, size, o);
                Predictor.undoHorizontal(d, 6, 10, size, o);
                assertArrayEquals(data, d, o + " " + size);
            }
        }
    }

    @Test
    void channelPoolStaysBoundedAndClosesEverything() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Path f = tmp.resolve("f" + i);
            Files.write(f, new byte[] {(byte) i});
            files.add(f);
        }
        ChannelPool pool = new ChannelPool(4);
        for (Path f : files) {
            try (ChannelPool.Lease l = pool.acquire(f)) {
                assertEquals(1, l.size());
            }
            assertTrue(pool.openCount() <= 4);
        }
        // leases held at once may exceed the bound; it is restored when they are returned
        List<ChannelPool.Lease> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            held.add(pool.acquire(files.get(i)));
        }
        assertEquals(10, pool.openCount());
        java.nio.channels.FileChannel inUse = held.get(0).channel();
        held.forEach(ChannelPool.Lease::close);
        assertEquals(4, pool.openCount());
        assertTrue(!inUse.isOpen(), "least recently used channels were closed");
        ChannelPool.Lease last = pool.acquire(files.get(29));
        pool.close();
        assertTrue(last.channel().isOpen(), "a leased channel stays open until returned");
        last.close();
        assertTrue(!last.channel().isOpen());
        assertThrows(java.nio.channels.ClosedChannelException.class, () -> pool.acquire(files.get(0)));
    }
}
