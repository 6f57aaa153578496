package org.neuroatlas.core.volume.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.VolumeHeader;

/**
 * Files over 4 GiB with more than 2^31 voxels, made as sparse files (only a few planes hold data, the rest are
 * holes that cost no disk), so the 64-bit offsets and indices are exercised without writing gigabytes.
 */
class TiffLargeFileTest {

    private static final int SIDE = 2048;
    private static final int PLANES = 1100; // 2048² × 1100 = 4.6e9 voxels, 4.6 GB of uint8

    @TempDir
    Path tmp;

    private static byte[] pattern(int seed) {
        byte[] b = new byte[SIDE * SIDE];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + seed + (i >>> 11));
        }
        return b;
    }

    private static void checkPlanes(Path f, VolumeHeader h) throws IOException {
        assertArrayEquals(new long[] {SIDE, SIDE, PLANES}, h.dimensions());
        assertTrue(h.numVoxels() > Integer.MAX_VALUE);
        assertTrue(Files.size(f) > 0xFFFFFFFFL);
        try (Volume<?> v = TiffTestSupport.open(f, ReadOptions.defaults().withCache(new BlockCache(16L << 20)))) {
            assertArrayEquals(pattern(PLANES - 1), (byte[]) VolumeBlocks.readPlane(v, PLANES - 1), "last plane, beyond 4 GiB");
            assertArrayEquals(pattern(1050), (byte[]) VolumeBlocks.readPlane(v, 1050));
            assertArrayEquals(new byte[SIDE * SIDE], (byte[]) VolumeBlocks.readPlane(v, 700), "a hole reads as zeros");
            // a box straddling two planes beyond 4 GiB
            byte[] box = (byte[]) VolumeBlocks.read(v, new long[] {100, 2000, 1049}, new int[] {10, 48, 2});
            byte[] p1050 = pattern(1050);
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 10; x++) {
                    assertEquals(0, box[y * 10 + x]);
                    assertEquals(p1050[(2000 + y) * SIDE + 100 + x], box[480 + y * 10 + x]);
                }
            }
        }
    }

    @Test
    void bigTiffStackBeyond4GiB() throws IOException {
        TestTiffBuilder b = new TestTiffBuilder(ByteOrder.LITTLE_ENDIAN, true);
        for (int z = 0; z < PLANES; z++) {
            boolean data = z == 1050 || z == PLANES - 1;
            b.add(new TestTiffBuilder.Page(SIDE, SIDE, 8, data ? pattern(z) : null).strips(256));
        }
        Path f = tmp.resolve("big.tif");
        b.write(f);
        VolumeHeader h = TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults());
        assertEquals("yes", h.details().get("BigTIFF"));
        checkPlanes(f, h);
    }

    @Test
    void imageJClassicStackBeyond4GiB() throws IOException {
        TestTiffBuilder b = new TestTiffBuilder(ByteOrder.BIG_ENDIAN, false).onlyFirstIfd();
        for (int z = 0; z < PLANES; z++) {
            boolean data = z == 1050 || z == PLANES - 1;
            TestTiffBuilder.Page p = new TestTiffBuilder.Page(SIDE, SIDE, 8, data ? pattern(z) : null);
            if (z == 0) {
                p.description("ImageJ=1.53t\nimages=" + PLANES + "\nslices=" + PLANES + "\nloop=false\n");
            }
            b.add(p);
        }
        Path f = tmp.resolve("imagej.tif");
        b.write(f);
        VolumeHeader h = TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults());
        assertEquals("no", h.details().get("BigTIFF"));
        assertTrue(h.details().get("ImageJ contiguous planes").startsWith("yes"));
        assertEquals(PixelType.UINT8, h.pixelType());
        checkPlanes(f, h);
    }
}
