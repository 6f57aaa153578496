package org.neuroatlas.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DifferenceOfGaussiansTest {

    static final long[] DIMS = {23, 17, 11};
    static final double[] VOXEL = {2, 3, 5};

    static float[] randomVolume(long seed) {
        Random r = new Random(seed);
        float[] v = new float[(int) (DIMS[0] * DIMS[1] * DIMS[2])];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + 50 * r.nextFloat();
        }
        return v;
    }

    static int idx(long x, long y, long z) {
        return (int) ((z * DIMS[1] + y) * DIMS[0] + x);
    }

    /** E over the whole region [lo, hi) of a box holding {@code in}. */
    static float[] dog(DifferenceOfGaussians f, float[] in, Gaussian.Box box, int[] lo, int[] hi) {
        float[] out = new float[in.length];
        int maxR = Math.max(f.radius[0], Math.max(f.radius[1], f.radius[2]));
        f.apply(in, out, box, lo, hi, new DifferenceOfGaussians.Scratch(box.size[0], box.size[1], box.size[1] * box.size[2], maxR));
        return out;
    }

    /** Direct (non-separable) convolution with the product kernel, mirrored at the edges, in double. */
    static double direct(float[] v, Gaussian g, int x, int y, int z) {
        double sum = 0;
        for (int kz = -g.radius[2]; kz <= g.radius[2]; kz++) {
            for (int ky = -g.radius[1]; ky <= g.radius[1]; ky++) {
                for (int kx = -g.radius[0]; kx <= g.radius[0]; kx++) {
                    double w = (double) g.weights[0][kx + g.radius[0]] * g.weights[1][ky + g.radius[1]] * g.weights[2][kz + g.radius[2]];
                    sum += w * v[idx(MirrorBoundary.index(x + kx, DIMS[0]), MirrorBoundary.index(y + ky, DIMS[1]), MirrorBoundary.index(z + kz, DIMS[2]))];
                }
            }
        }
        return sum;
    }

    @Test
    void separableFilterEqualsDirectConvolution() {
        float[] v = randomVolume(1);
        // σ 4 µm: radius 8, 6, 4 voxels, so the kernel crosses every edge and is reflected more than once along z
        DifferenceOfGaussians f = new DifferenceOfGaussians(2.5, 4, VOXEL);
        assertArrayEquals(new int[] {8, 6, 4}, f.radius);
        Gaussian.Box whole = new Gaussian.Box(new long[3], new int[] {23, 17, 11}, DIMS);
        float[] out = dog(f, v, whole, new int[3], new int[] {23, 17, 11});
        float[] root = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            root[i] = (float) Math.sqrt(v[i]);
        }
        double maxErr = 0;
        for (int z = 0; z < DIMS[2]; z++) {
            for (int y = 0; y < DIMS[1]; y++) {
                for (int x = 0; x < DIMS[0]; x++) {
                    maxErr = Math.max(maxErr, Math.abs(out[idx(x, y, z)] - (direct(root, f.inner, x, y, z) - direct(root, f.outer, x, y, z))));
                }
            }
        }
        assertTrue(maxErr < 1e-4, "max error " + maxErr); // float sums of values ~11
        float s = 0;
        for (float w : f.outer.weights[0]) {
            s += w;
        }
        assertEquals(1, s, 1e-6);
    }

    @Test
    void aBoxGivesTheWholeVolumesValuesBitForBit() {
        float[] v = randomVolume(2);
        DifferenceOfGaussians g = new DifferenceOfGaussians(2, 3, VOXEL);
        Gaussian.Box whole = new Gaussian.Box(new long[3], new int[] {23, 17, 11}, DIMS);
        float[] ref = dog(g, v, whole, new int[3], new int[] {23, 17, 11});
        // a box touching the x = 0 and z = end edges, interior elsewhere
        long[] o = {0, 3, 4};
        int[] size = {15, 12, 7};
        Gaussian.Box box = new Gaussian.Box(o, size, DIMS);
        float[] in = new float[15 * 12 * 7];
        for (int z = 0; z < 7; z++) {
            for (int y = 0; y < 12; y++) {
                for (int x = 0; x < 15; x++) {
                    in[(z * 12 + y) * 15 + x] = v[idx(x + o[0], y + o[1], z + o[2])];
                }
            }
        }
        int[] lo = {0, g.radius[1], g.radius[2]};
        int[] hi = {15 - g.radius[0], 12 - g.radius[1], 7};
        float[] out = dog(g, in, box, lo, hi);
        for (int z = lo[2]; z < hi[2]; z++) {
            for (int y = lo[1]; y < hi[1]; y++) {
                for (int x = lo[0]; x < hi[0]; x++) {
                    assertEquals(Float.floatToIntBits(ref[idx(x + o[0], y + o[1], z + o[2])]), Float.floatToIntBits(out[(z * 12 + y) * 15 + x]),
                            "voxel " + x + "," + y + "," + z);
                }
            }
        }
    }

    @Test
    void mirrorReflectsAboutTheEdgeVoxels() {
        assertEquals(2, MirrorBoundary.index(-2, 5));
        assertEquals(3, MirrorBoundary.index(5, 5));
        assertEquals(0, MirrorBoundary.index(8, 5));
        assertEquals(1, MirrorBoundary.index(9, 5));
        assertEquals(0, MirrorBoundary.index(-7, 1));
        assertEquals(1, MirrorBoundary.index(-3, 2));
    }
}
