package org.neuroatlas.core.volume.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.volume.PixelType;

/** Block shapes of {@link Hdf5BlockReader} (BigDataViewer and Imaris): whole chunks grown to about 1 MB; row bands for contiguous datasets. */
class BdvImarisBlockShapeTest {

    @Test
    void chunkedBlocksAreWholeChunksOfAboutOneMegabyte() {
        // BDV 32×32×4 uint16 chunks (8 KB) grow x, y, z in turn: 64×32×4, 64×64×4, …, 256×128×16 (1 MB)
        assertArrayEquals(new int[] {256, 128, 16}, Hdf5BlockReader.blockDims(new long[] {2048, 2048, 1000}, new int[] {32, 32, 4}, PixelType.UINT16));
        // Imaris 256×256×8 uint16 chunks are 1 MB already
        assertArrayEquals(new int[] {256, 256, 8}, Hdf5BlockReader.blockDims(new long[] {4000, 3000, 900}, new int[] {256, 256, 8}, PixelType.UINT16));
        // never beyond the volume: a small volume is one block
        assertArrayEquals(new int[] {50, 40, 30}, Hdf5BlockReader.blockDims(new long[] {50, 40, 30}, new int[] {32, 16, 16}, PixelType.UINT16));
    }

    @Test
    void contiguousBlocksAreRowBandsOrPlaneSlabs() {
        assertArrayEquals(new int[] {20000, 52, 1}, Hdf5BlockReader.blockDims(new long[] {20000, 20000, 3000}, null, PixelType.UINT16));
        assertArrayEquals(new int[] {100, 100, 64}, Hdf5BlockReader.blockDims(new long[] {100, 100, 64}, null, PixelType.UINT8));
    }
}
