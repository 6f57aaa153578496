package org.neuroatlas.core.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVoxelsTest {

    @TempDir
    Path dir;

    /** Mapped (large) and piecewise (small) reads give the same voxels, in both byte orders, at odd offsets. */
    @Test
    void mappedAndPiecewiseReadsAgree() throws IOException {
        int n = 3 << 20; // 6 MB of uint16: above the mapping threshold
        short[] expected = new short[n];
        Random r = new Random(3);
        for (int i = 0; i < n; i++) {
            expected[i] = (short) r.nextInt();
        }
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            Path f = dir.resolve("v-" + order);
            ByteBuffer b = ByteBuffer.allocate(7 + 2 * n).order(order);
            b.position(7);
            b.asShortBuffer().put(expected);
            Files.write(f, b.array());
            try (FileChannel ch = FileChannel.open(f)) {
                short[] all = new short[n + 1];
                FileVoxels.read(ch, 7, n, order, PixelType.UINT16, all, 1);
                assertArrayEquals(expected, java.util.Arrays.copyOfRange(all, 1, n + 1));
                short[] few = new short[1000];
                FileVoxels.read(ch, 7 + 2 * 12345, 1000, order, PixelType.UINT16, few, 0);
                assertArrayEquals(java.util.Arrays.copyOfRange(expected, 12345, 13345), few);
                assertThrows(EOFException.class, () -> FileVoxels.read(ch, 9, n, order, PixelType.UINT16, all, 0));
                assertThrows(EOFException.class, () -> FileVoxels.read(ch, 2L * n - 100, 1000, order, PixelType.UINT16, few, 0));
            }
        }
    }
}
