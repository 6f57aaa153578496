package org.neuroatlas.core.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg false-discovery-rate adjustment (step-up): q_(i) = min over j ≥ i of p_(j)·m/j, capped at 1,
 * where p_(1) ≤ … ≤ p_(m) are the sorted p-values and m is the number of <em>defined</em> p-values (NaN entries are
 * untested and neither count towards m nor get a q). As R's {@code p.adjust(method = "BH")} and SciPy's
 * {@code false_discovery_control}.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** q-values in the order of {@code p}; NaN where p is NaN. */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] defined = Arrays.copyOf(order, m);
        // Stable sort by p, so equal p-values keep input order (the q-values are equal anyway).
        Arrays.sort(defined, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = defined[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
