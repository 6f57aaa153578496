package org.neuroatlas.core.detect.score;

import java.util.Arrays;

/**
 * How well detections agree with the truth.
 * <p>
 * Precision = TP / detected and recall = TP / true cells; an empty side makes its ratio vacuous, defined as 1
 * (no detections: none is false; no true cells: none was missed). F1 = 2·TP / (2·TP + FP + FN), 1 when both sides
 * are empty; it is 0 whenever exactly one side is empty. None of these is ever NaN.
 * <p>
 * The localisation figures describe the matched pairs only and are NaN when there are none (a mean of nothing;
 * check {@link #truePositives()}). Offsets are detected − true, so a positive {@code meanOffsetZUm} means
 * detections sit deeper in z than the cells they found.
 *
 * @param detected        number of detected cells
 * @param truth           number of true cells
 * @param truePositives   matched pairs
 * @param falsePositives  detected cells without a match
 * @param falseNegatives  true cells without a match
 * @param precision       TP / detected, in [0, 1]
 * @param recall          TP / truth, in [0, 1]
 * @param f1              harmonic mean of precision and recall, in [0, 1]
 * @param meanErrorUm     mean Euclidean distance of matched pairs, µm
 * @param medianErrorUm   median Euclidean distance of matched pairs, µm
 * @param meanOffsetXUm   mean x offset (detected − true) of matched pairs, µm
 * @param meanOffsetYUm   mean y offset, µm
 * @param meanOffsetZUm   mean z offset, µm
 */
public record Score(int detected, int truth, int truePositives, int falsePositives, int falseNegatives, double precision, double recall, double f1,
        double meanErrorUm, double medianErrorUm, double meanOffsetXUm, double meanOffsetYUm, double meanOffsetZUm) {

    static Score of(Matching m) {
        CellPositions det = m.detected();
        CellPositions tru = m.truth();
        int nd = det.size();
        int nt = tru.size();
        double[] errors = new double[nd];
        int tp = 0;
        double sx = 0;
        double sy = 0;
        double sz = 0;
        double se = 0;
        for (int d = 0; d < nd; d++) {
            int t = m.truthOf(d);
            if (t < 0) {
                continue;
            }
            sx += det.xUm(d) - tru.xUm(t);
            sy += det.yUm(d) - tru.yUm(t);
            sz += det.zUm(d) - tru.zUm(t);
            double e = m.distanceUm(d);
            se += e;
            errors[tp++] = e;
        }
        double median = Double.NaN;
        if (tp > 0) {
            double[] sorted = Arrays.copyOf(errors, tp);
            Arrays.sort(sorted);
            median = tp % 2 == 1 ? sorted[tp / 2] : (sorted[tp / 2 - 1] + sorted[tp / 2]) / 2;
        }
        int fp = nd - tp;
        int fn = nt - tp;
        double precision = nd == 0 ? 1 : (double) tp / nd;
        double recall = nt == 0 ? 1 : (double) tp / nt;
        double f1 = nd + nt == 0 ? 1 : 2.0 * tp / (2.0 * tp + fp + fn);
        double n = tp; // 0/0 = NaN on purpose when nothing matched; documented above
        return new Score(nd, nt, tp, fp, fn, precision, recall, f1, se / n, median, sx / n, sy / n, sz / n);
    }
}
