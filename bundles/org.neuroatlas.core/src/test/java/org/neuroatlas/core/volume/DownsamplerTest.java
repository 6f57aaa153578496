package org.neuroatlas.core.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.Progress;

class DownsamplerTest {

    /** Brute force: overlap of physical boxes in 3D, independent of the separable streaming implementation. */
    private static double expected(Volume<UnsignedShortType> v, VoxelSize to, int jx, int jy, int jz) {
        VoxelSize from = v.voxelSizeUm();
        RandomAccess<UnsignedShortType> ra = v.voxels().randomAccess();
        double sum = 0, weight = 0;
        for (int z = 0; z < v.sizeZ(); z++) {
            double wz = overlap(z, from.zUm(), jz, to.zUm(), v.sizeZ());
            for (int y = 0; y < v.sizeY() && wz > 0; y++) {
                double wy = overlap(y, from.yUm(), jy, to.yUm(), v.sizeY());
                for (int x = 0; x < v.sizeX() && wy > 0; x++) {
                    double w = wz * wy * overlap(x, from.xUm(), jx, to.xUm(), v.sizeX());
                    if (w > 0) {
                        ra.setPosition(new int[] {x, y, z});
                        sum += w * ra.get().get();
                        weight += w;
                    }
                }
            }
        }
        return sum / weight;
    }

    private static double overlap(int i, double si, int j, double tj, long n) {
        double hi = Math.min((j + 1) * tj, n * si);
        return Math.max(0, Math.min(hi, (i + 1) * si) - Math.max(j * tj, i * si));
    }

    @Test
    void equalsBruteForceAreaAverageForNonIntegerFactors() {
        Volume<UnsignedShortType> v = TestVolumes.randomUint16(1, 23, 17, 19, new VoxelSize(2, 3, 5));
        VoxelSize to = new VoxelSize(7, 7.5, 11);
        Downsampler d = new Downsampler(v.dimensions(), v.voxelSizeUm(), to);
        assertArrayEquals(new long[] {7, 7, 9}, d.targetDimensions()); // 46/7, 51/7.5, 95/11 rounded
        Volume<FloatType> out = d.toMemory(v, Progress.NONE);
        RandomAccess<FloatType> ra = out.voxels().randomAccess();
        for (int z = 0; z < 9; z++) {
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 7; x++) {
                    ra.setPosition(new int[] {x, y, z});
                    assertEquals(expected(v, to, x, y, z), ra.get().get(), 0.05, x + "," + y + "," + z);
                }
            }
        }
        assertEquals(to, out.voxelSizeUm());
    }

    @Test
    void integerFactorsAverageBlocksAndUpsamplingRepeats() {
        Volume<FloatType> v = TestVolumes.floats(4, 4, 4, VoxelSize.isotropic(1), (x, y, z) -> x + 4 * y + 16 * z);
        Volume<FloatType> half = new Downsampler(v.dimensions(), v.voxelSizeUm(), VoxelSize.isotropic(2)).toMemory(v, Progress.NONE);
        RandomAccess<FloatType> ra = half.voxels().randomAccess();
        ra.setPosition(new int[] {1, 0, 1});
        // mean of x∈{2,3}, y∈{0,1}, z∈{2,3}
        assertEquals(2.5 + 4 * 0.5 + 16 * 2.5, ra.get().get(), 1e-4);
        Volume<FloatType> twice = new Downsampler(v.dimensions(), v.voxelSizeUm(), VoxelSize.isotropic(0.5)).toMemory(v, Progress.NONE);
        assertArrayEquals(new long[] {8, 8, 8}, twice.dimensions());
        RandomAccess<FloatType> rb = twice.voxels().randomAccess();
        rb.setPosition(new int[] {5, 2, 7});
        assertEquals(2 + 4 * 1 + 16 * 3, rb.get().get(), 1e-4);
    }

    @Test
    void planesArriveInOrderAndEachInputPlaneIsReadOnce() {
        Volume<UnsignedShortType> v = TestVolumes.randomUint16(2, 10, 10, 37, VoxelSize.isotropic(4));
        List<Integer> order = new ArrayList<>();
        Downsampler d = new Downsampler(v.dimensions(), v.voxelSizeUm(), VoxelSize.isotropic(25));
        List<Double> reported = new ArrayList<>();
        d.run(v, (z, p) -> order.add(z), new Progress() {
            @Override
            public void report(double f, String m) {
                reported.add(f);
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order); // 148 µm / 25 µm ≈ 5.92 → 6 planes
        assertEquals(37, reported.size(), "one report per input plane, each plane read once");
        assertEquals(1.0, reported.get(36), 0);
    }
}
