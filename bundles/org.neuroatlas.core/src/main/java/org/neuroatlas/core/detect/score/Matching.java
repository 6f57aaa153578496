package org.neuroatlas.core.detect.score;

/**
 * The result of {@link CellMatching}: which true cell each detected cell was matched to, and back. Indices are
 * positions in the {@link CellPositions} (0-based data rows of the CSV files).
 */
public final class Matching {

    private final CellPositions detected;
    private final CellPositions truth;
    private final CellMatching.Tolerance tolerance;
    private final CellMatching.Rule rule;
    private final int[] truthOf;
    private final int[] detectedOf;
    private final int greedyFallbackCells;

    Matching(CellPositions detected, CellPositions truth, CellMatching.Tolerance tolerance, CellMatching.Rule rule, int[] truthOf, int[] detectedOf,
            int greedyFallbackCells) {
        this.detected = detected;
        this.truth = truth;
        this.tolerance = tolerance;
        this.rule = rule;
        this.truthOf = truthOf;
        this.detectedOf = detectedOf;
        this.greedyFallbackCells = greedyFallbackCells;
    }

    public CellPositions detected() {
        return detected;
    }

    public CellPositions truth() {
        return truth;
    }

    public CellMatching.Tolerance tolerance() {
        return tolerance;
    }

    public CellMatching.Rule rule() {
        return rule;
    }

    /** The true cell matched to detected cell {@code d}, or -1 (a false positive). */
    public int truthOf(int d) {
        return truthOf[d];
    }

    /** The detected cell matched to true cell {@code t}, or -1 (a false negative). */
    public int detectedOf(int t) {
        return detectedOf[t];
    }

    /** Euclidean distance between detected cell {@code d} and its match, µm (unscaled, whatever the z radius); NaN if unmatched. */
    public double distanceUm(int d) {
        int t = truthOf[d];
        if (t < 0) {
            return Double.NaN;
        }
        double dx = detected.xUm(d) - truth.xUm(t);
        double dy = detected.yUm(d) - truth.yUm(t);
        double dz = detected.zUm(d) - truth.zUm(t);
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Number of matched pairs (true positives). */
    public int matchedPairs() {
        int n = 0;
        for (int t : truthOf) {
            if (t >= 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Cells (detected + true) in components too large for the optimal rule, matched greedily instead; 0 for the
     * greedy rule and whenever the optimal rule applied everywhere.
     */
    public int greedyFallbackCells() {
        return greedyFallbackCells;
    }

    /** Counts, precision, recall, F1 and localisation error. */
    public Score score() {
        return Score.of(this);
    }
}
