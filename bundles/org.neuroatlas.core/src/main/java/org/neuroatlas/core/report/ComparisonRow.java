package org.neuroatlas.core.report;

/**
 * One row of the dose-comparison table: one region × hemisphere × contrast.
 *
 * @param row          0-based row index in the table (for the HTML table and messages)
 * @param region       region acronym
 * @param regionId     atlas structure id, or -1 if the table leaves it empty
 * @param hemisphere   {@code left}, {@code right} or {@code both}
 * @param contrast     e.g. {@code ketamine-30 vs saline}
 * @param controlGroup group the contrast compares against
 * @param treatedGroup group compared
 * @param log2Fc       log2 fold change treated / control (NaN if undefined)
 * @param pWelch       Welch t-test p-value (NaN if undefined)
 * @param qWelch       Benjamini–Hochberg q-value of {@code pWelch} (NaN if undefined)
 * @param direction    {@code up}, {@code down} (significant) or {@code ns}
 */
public record ComparisonRow(int row, String region, int regionId, String hemisphere, String contrast, String controlGroup,
        String treatedGroup, double log2Fc, double pWelch, double qWelch, String direction) {

    /** Whether the stats engine called the change significant (direction up or down). */
    public boolean significant() {
        return "up".equals(direction) || "down".equals(direction);
    }

    /** The region with its side for labels: {@code VTA} for both sides, {@code VTA (L)} / {@code VTA (R)} for one. */
    public String label() {
        return switch (hemisphere) {
            case "left" -> region + " (L)";
            case "right" -> region + " (R)";
            default -> region;
        };
    }

    /** −log10 of the p-value (the volcano's y); NaN if p is missing; p = 0 is capped at 1e-300. */
    public double minusLog10P() {
        if (Double.isNaN(pWelch)) {
            return Double.NaN;
        }
        return -Math.log10(Math.max(pWelch, 1e-300));
    }
}
