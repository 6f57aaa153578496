package org.neuroatlas.core.stats;

import java.util.Arrays;

/** Mid-ranks (ties get the mean of the ranks they span, 1-based) of pooled values, and their tie sizes. */
final class Ranks {

    /** Rank of each value, in input order. */
    final double[] ranks;
    /** Size of every group of equal values with more than one member. */
    final int[] tieSizes;

    private Ranks(double[] ranks, int[] tieSizes) {
        this.ranks = ranks;
        this.tieSizes = tieSizes;
    }

    static Ranks of(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int[] ties = new int[n];
        int nTies = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mid;
            }
            if (j > i) {
                ties[nTies++] = j - i + 1;
            }
            i = j + 1;
        }
        return new Ranks(ranks, Arrays.copyOf(ties, nTies));
    }

    boolean hasTies() {
        return tieSizes.length > 0;
    }

    /** Σ (t³ − t) over tie groups, the usual tie-correction term. */
    double tieTerm() {
        double s = 0;
        for (int t : tieSizes) {
            s += (double) t * t * t - t;
        }
        return s;
    }

    /** The values of several groups, pooled in group order. */
    static double[] pool(double[]... groups) {
        int n = 0;
        for (double[] g : groups) {
            n += g.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] g : groups) {
            System.arraycopy(g, 0, all, at, g.length);
            at += g.length;
        }
        return all;
    }
}
