package org.neuroatlas.core.volume.tiff;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * Opt-in measurement (run with {@code -Dneuroatlas.bench=true}; {@code -Dneuroatlas.tiff.readAhead=false} to
 * compare without read-ahead): streams a 1.6 GB plane series of 200 × 2000 × 2000 uint16 with the page cache warm
 * and compares with {@code cat} of the same files, round after round to even out a noisy shared machine. Prints,
 * asserts nothing.
 */
class TiffThroughputBenchmark {

    private static final int W = 2000;
    private static final int H = 2000;
    private static final int D = 200;

    @TempDir
    Path tmp;

    @Test
    void streamingVersusCat() throws Exception {
        assumeTrue(Boolean.getBoolean("neuroatlas.bench"), "benchmark: run with -Dneuroatlas.bench=true");
        short[] plane = (short[]) TiffTestSupport.randomVoxels(PixelType.UINT16, W * H, 1);
        RandomAccessibleInterval<UnsignedShortType> img = LazyVolumes.create(new long[] {W, H, D}, new int[] {W, H, 1},
                PixelType.UINT16, (min, size) -> plane.clone(), new BlockCache(32L << 20), BlockCache.newOwner());
        Path dir = tmp.resolve("planes");
        TiffWriter.writeSeries(Volume.of(img, VoxelSize.isotropic(1), PixelType.UINT16, "generated", null, Map.of(), null), dir,
                "img", Progress.NONE);
        double cat = 0;
        double blocks = 0;
        double planes = 0;
        double reused = 0;
        short[] reuse = new short[W * H];
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            new ProcessBuilder("sh", "-c", "cat " + dir + "/*.tif > /dev/null").inheritIO().start().waitFor();
            long t1 = System.nanoTime();
            TiffSeries s = TiffSeries.scan(dir, null, false);
            int rows = TiffBlockReader.blockDims(s.firstPage())[1];
            try (ChannelPool pool = new ChannelPool(8)) {
                TiffBlockReader r = new TiffBlockReader(s, pool, PixelType.UINT16, "bench");
                for (int z = 0; z < D; z++) {
                    for (int y = 0; y < H; y += rows) {
                        r.read(new long[] {0, y, z}, new int[] {W, Math.min(rows, H - y), 1});
                    }
                }
            }
            long t2 = System.nanoTime();
            ReadOptions o = ReadOptions.defaults().withCache(new BlockCache(64L << 20));
            VolumeHeader h = TiffTestSupport.FORMAT.readHeader(dir, o);
            try (Volume<?> v = TiffTestSupport.FORMAT.open(dir, o, h)) {
                for (int z = 0; z < D; z++) {
                    VolumeBlocks.readPlane(v, z);
                }
            }
            long t3 = System.nanoTime();
            try (Volume<?> v = TiffTestSupport.FORMAT.open(dir, o, h)) {
                for (int z = 0; z < D; z++) {
                    VolumeBlocks.copy(v.voxels(), PixelType.UINT16, new long[] {0, 0, z}, new int[] {W, H, 1}, reuse);
                }
            }
            long t4 = System.nanoTime();
            if (round >= 2) { // the first rounds warm the page cache and the JIT
                cat += t1 - t0;
                blocks += t2 - t1;
                planes += t3 - t2;
                reused += t4 - t3;
            }
        }
        double gb = 2.0 * W * H * D / 1e9;
        System.out.printf("TIFF streaming, %.1f GB warm: cat %.2f GB/s; block reader %.2f GB/s (%.0f %% of cat); "
                + "readPlane %.2f GB/s (%.0f %%); copy into a reused array %.2f GB/s (%.0f %%)%n", gb, gb * 6 / (cat / 1e9),
                gb * 6 / (blocks / 1e9), 100 * cat / blocks, gb * 6 / (planes / 1e9), 100 * cat / planes,
                gb * 6 / (reused / 1e9), 100 * cat / reused);
    }
}
