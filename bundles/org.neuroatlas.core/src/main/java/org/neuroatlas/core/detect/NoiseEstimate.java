package org.neuroatlas.core.detect;

/**
 * Median and median absolute deviation of a sample of the enhanced image, by selection (linear time) rather than
 * sorting: the sample has millions of values and is taken once per volume.
 *
 * @param median median of the sample
 * @param mad    median of |value − median| (unscaled; × 1.4826 estimates σ of Gaussian noise)
 */
record NoiseEstimate(double median, double mad) {

    /** Estimates from {@code sample}, which is reordered in place. An empty sample gives 0, 0. */
    static NoiseEstimate of(float[] sample) {
        if (sample.length == 0) {
            return new NoiseEstimate(0, 0);
        }
        double median = median(sample);
        for (int i = 0; i < sample.length; i++) {
            sample[i] = (float) Math.abs(sample[i] - median);
        }
        return new NoiseEstimate(median, median(sample));
    }

    /** The median (mean of the two middle values for an even count); reorders {@code a}. */
    static double median(float[] a) {
        int n = a.length;
        float upper = select(a, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        // after selecting n/2, the lower middle value is the largest of a[0 … n/2)
        float lower = a[0];
        for (int i = 1; i < n / 2; i++) {
            lower = Math.max(lower, a[i]);
        }
        return 0.5 * ((double) lower + upper);
    }

    /** The k-th smallest value (0-based); afterwards a[0 … k) ≤ a[k] ≤ a[k+1 …). Hoare selection, median-of-three pivots. */
    static float select(float[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            float pivot = medianOf3(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float medianOf3(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
