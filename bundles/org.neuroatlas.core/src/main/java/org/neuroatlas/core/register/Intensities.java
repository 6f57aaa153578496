package org.neuroatlas.core.register;

import java.util.Arrays;

/** Robust intensity statistics of registration images: percentiles, Otsu's threshold, masks and their centroids. */
final class Intensities {

    private static final int OTSU_BINS = 256;

    private Intensities() {
    }

    /** The {@code q}-quantiles (each 0 ≤ q ≤ 1, nearest rank) of the finite values; NaN if there are none. */
    static double[] percentiles(float[] values, double... q) {
        float[] v = new float[values.length];
        int n = 0;
        for (float f : values) {
            if (Float.isFinite(f)) {
                v[n++] = f;
            }
        }
        Arrays.sort(v, 0, n);
        double[] out = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            out[k] = n == 0 ? Double.NaN : v[(int) Math.min(n - 1, Math.max(0, Math.round(q[k] * (n - 1))))];
        }
        return out;
    }

    /**
     * Otsu's threshold between {@code lo} and {@code hi}: the value that best splits the values into a dark and a
     * bright class (largest between-class variance over {@value #OTSU_BINS} bins). NaN if {@code hi ≤ lo}.
     */
    static double otsu(float[] values, double lo, double hi) {
        if (!(hi > lo)) {
            return Double.NaN;
        }
        long[] hist = new long[OTSU_BINS];
        double width = (hi - lo) / OTSU_BINS;
        for (float f : values) {
            if (Float.isFinite(f)) {
                int b = (int) ((f - lo) / width);
                hist[Math.min(OTSU_BINS - 1, Math.max(0, b))]++;
            }
        }
        long total = 0;
        double sumAll = 0;
        for (int b = 0; b < OTSU_BINS; b++) {
            total += hist[b];
            sumAll += b * (double) hist[b];
        }
        long wDark = 0;
        double sumDark = 0, best = -1;
        int split = OTSU_BINS / 2;
        for (int b = 0; b < OTSU_BINS - 1; b++) {
            wDark += hist[b];
            sumDark += b * (double) hist[b];
            long wBright = total - wDark;
            if (wDark == 0 || wBright == 0) {
                continue;
            }
            double mDark = sumDark / wDark, mBright = (sumAll - sumDark) / wBright;
            double between = (double) wDark * wBright * (mDark - mBright) * (mDark - mBright);
            if (between > best) {
                best = between;
                split = b;
            }
        }
        return lo + (split + 1) * width;
    }

    /** Voxels with a value above {@code threshold}. */
    static boolean[] above(float[] values, double threshold) {
        boolean[] m = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            m[i] = values[i] > threshold;
        }
        return m;
    }

    static long count(boolean[] mask) {
        long n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Geometric centroid of the mask's voxel centres, µm; null if the mask is empty. */
    static double[] centroidUm(FloatGrid grid, boolean[] mask) {
        double sx = 0, sy = 0, sz = 0;
        long n = 0;
        for (int z = 0, i = 0; z < grid.nz; z++) {
            for (int y = 0; y < grid.ny; y++) {
                for (int x = 0; x < grid.nx; x++, i++) {
                    if (mask[i]) {
                        sx += x;
                        sy += y;
                        sz += z;
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            return null;
        }
        return new double[] {grid.originUm[0] + sx / n * grid.spacingUm[0], grid.originUm[1] + sy / n * grid.spacingUm[1],
                grid.originUm[2] + sz / n * grid.spacingUm[2]};
    }
}
