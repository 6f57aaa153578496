package org.neuroatlas.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test-local matching of detections to true cells: one to one, nearest pairs first (ties by index), within a radius.
 */
final class CellMatching {

    final int truth;
    final int detected;
    final int matched;
    final double meanDistanceUm;
    boolean[] truthMatched;
    boolean[] detectedMatched;

    private CellMatching(int truth, int detected, int matched, double meanDistanceUm) {
        this.truth = truth;
        this.detected = detected;
        this.matched = matched;
        this.meanDistanceUm = meanDistanceUm;
    }

    /** Points are {x, y, z} in µm. */
    static CellMatching match(List<double[]> truth, List<double[]> detected, double radiusUm) {
        List<double[]> pairs = new ArrayList<>(); // {distance, truth index, detection index}
        for (int i = 0; i < truth.size(); i++) {
            for (int j = 0; j < detected.size(); j++) {
                double[] a = truth.get(i);
                double[] b = detected.get(j);
                double d = Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
                if (d <= radiusUm) {
                    pairs.add(new double[] {d, i, j});
                }
            }
        }
        pairs.sort((p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0]) : p[1] != q[1] ? Double.compare(p[1], q[1]) : Double.compare(p[2], q[2]));
        boolean[] usedT = new boolean[truth.size()];
        boolean[] usedD = new boolean[detected.size()];
        int m = 0;
        double sum = 0;
        for (double[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (!usedT[i] && !usedD[j]) {
                usedT[i] = true;
                usedD[j] = true;
                m++;
                sum += p[0];
            }
        }
        CellMatching r = new CellMatching(truth.size(), detected.size(), m, m == 0 ? Double.NaN : sum / m);
        r.truthMatched = usedT;
        r.detectedMatched = usedD;
        return r;
    }

    double precision() {
        return detected == 0 ? 0 : matched / (double) detected;
    }

    double recall() {
        return truth == 0 ? 0 : matched / (double) truth;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "true %d, detected %d, matched %d: precision %.3f, recall %.3f, F1 %.3f, mean distance %.2f µm", truth,
                detected, matched, precision(), recall(), f1(), meanDistanceUm);
    }
}
