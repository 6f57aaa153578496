package org.neuroatlas.core.volume.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.LazyVolumes;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * A light-sheet-sized plane series (200 planes of 2000 × 2000 uint16, 1.6 GB, written by our writer from a
 * generated lazy volume): opening reads no voxel, and streaming it plane by plane stays within a 32 MB cache.
 */
class TiffLazinessTest {

    private static final int W = 2000;
    private static final int H = 2000;
    private static final int D = 200;

    @TempDir
    Path tmp;

    private static short value(int x, int y, int z) {
        return (short) (x * 7 + y * 13 + z * 101);
    }

    /** A volume whose planes are computed on demand, so that the writer's streaming is exercised too. */
    private static Volume<UnsignedShortType> generated() {
        BlockCache cache = new BlockCache(32L << 20);
        RandomAccessibleInterval<UnsignedShortType> img = LazyVolumes.create(new long[] {W, H, D}, new int[] {W, H, 1},
                PixelType.UINT16, (min, size) -> {
                    short[] a = new short[size[0] * size[1]];
                    int z = (int) min[2];
                    for (int y = 0; y < size[1]; y++) {
                        for (int x = 0; x < size[0]; x++) {
                            a[y * size[0] + x] = value(x, y, z);
                        }
                    }
                    return a;
                }, cache, BlockCache.newOwner());
        return Volume.of(img, new VoxelSize(1.8, 1.8, 4), PixelType.UINT16, "generated", null, Map.of(), null);
    }

    @Test
    void openReadsNoVoxelAndStreamingStaysWithinTheCache() throws IOException {
        Path dir = tmp.resolve("planes");
        long t0 = System.nanoTime();
        TiffWriter.writeSeries(generated(), dir, "img", Progress.NONE);
        long t1 = System.nanoTime();

        BlockCache cache = new BlockCache(32L << 20);
        ReadOptions options = ReadOptions.defaults().withCache(cache);
        VolumeHeader h = TiffTestSupport.FORMAT.readHeader(dir, options);
        long t2 = System.nanoTime();
        assertArrayEquals(new long[] {W, H, D}, h.dimensions());
        assertEquals(new VoxelSize(1.8, 1.8, 4), h.voxelSizeUm().orElseThrow());
        assertEquals(D * (long) W * H * 2, h.bytes());
        try (Volume<?> v = TiffTestSupport.FORMAT.open(dir, options, h)) {
            assertArrayEquals(new long[] {0, 0}, cache.hitsAndMisses(), "opening loaded no block");
            assertEquals(0, cache.usedBytes());
            long t3 = System.nanoTime();
            // Streaming plane copies read the files directly: nothing is cached.
            for (int z = 0; z < D; z++) {
                short[] plane = (short[]) VolumeBlocks.readPlane(v, z);
                if (z % 37 == 0) {
                    for (int i = 0; i < plane.length; i += 9973) {
                        assertEquals(value(i % W, i / W, z), plane[i]);
                    }
                }
            }
            long t4 = System.nanoTime();
            assertArrayEquals(new long[] {0, 0}, cache.hitsAndMisses(), "box copies bypass the cache");
            // Voxel access goes through the cache, which stays within its budget: one voxel in every block.
            int blockRows = TiffBlockReader.blockDims(TiffSeries.scan(dir, null, false).firstPage())[1];
            int blocksPerPlane = (H + blockRows - 1) / blockRows;
            net.imglib2.RandomAccess<? extends net.imglib2.type.numeric.RealType<?>> ra = v.voxels().randomAccess();
            for (int z = 0; z < D; z++) {
                for (int b = 0; b < blocksPerPlane; b++) {
                    ra.setPosition(new long[] {5, (long) b * blockRows, z});
                    assertEquals(value(5, b * blockRows, z) & 0xffff, (int) ra.get().getRealDouble());
                }
                assertTrue(cache.usedBytes() <= cache.budgetBytes(), "cache within budget after plane " + z);
            }
            long[] hm = cache.hitsAndMisses();
            assertEquals((long) D * blocksPerPlane, hm[1], "every block loaded exactly once");
            System.out.printf("laziness: wrote %.1f GB in %.1f s, header of %d files in %.0f ms, streamed in %.1f s (%.0f MB/s)%n",
                    h.bytes() / 1e9, (t1 - t0) / 1e9, D, (t2 - t1) / 1e6, (t4 - t3) / 1e9, h.bytes() / 1e6 / ((t4 - t3) / 1e9));
        }
        assertEquals(0, cache.usedBytes(), "closing the volume drops its blocks");
    }
}
