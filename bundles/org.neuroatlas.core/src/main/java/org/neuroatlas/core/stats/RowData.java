package org.neuroatlas.core.stats;

/** One contrast row before output: the pairwise tests, then the q-values once all regions are known. */
final class RowData {

    final RegionCell cell;
    /** Index into the design's treated groups. */
    final int contrast;
    final WelchTTest welch;
    final MannWhitneyU mwu;
    final HedgesG hedges;
    private final double fdr;
    double qWelch = Double.NaN;
    double qMwu = Double.NaN;

    RowData(RegionCell cell, int contrast, StatsSettings settings) {
        this.cell = cell;
        this.contrast = contrast;
        this.fdr = settings.fdr();
        double[] control = cell.byGroup[0];
        double[] treated = cell.byGroup[contrast + 1];
        if (cell.testable[0] && cell.testable[contrast + 1]) {
            welch = WelchTTest.of(treated, control);
            mwu = MannWhitneyU.of(treated, control);
            hedges = HedgesG.of(treated, control);
        } else {
            welch = WelchTTest.UNDEFINED;
            mwu = new MannWhitneyU(Double.NaN, Double.NaN, false);
            hedges = new HedgesG(Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /** up / down if q_welch &lt; FDR, by the sign of the mean difference; else ns (also when untested). */
    String direction() {
        if (!(qWelch < fdr)) {
            return "ns";
        }
        double diff = cell.summaries[contrast + 1].mean() - cell.summaries[0].mean();
        return diff > 0 ? "up" : diff < 0 ? "down" : "ns";
    }

    Object[] toRow(RegionValues values, StudyDesign design, StatsSettings settings) {
        Summary c = cell.summaries[0];
        Summary t = cell.summaries[contrast + 1];
        StudyDesign.Group treated = design.treated().get(contrast);
        double diff = t.mean() - c.mean();
        double pc = settings.pseudoCount();
        double log2 = t.mean() + pc > 0 && c.mean() + pc > 0 ? Math.log((t.mean() + pc) / (c.mean() + pc)) / Math.log(2) : Double.NaN;
        double fold = c.mean() != 0 ? t.mean() / c.mean() : Double.NaN;
        double pct = c.mean() != 0 ? 100 * diff / c.mean() : Double.NaN;
        return new Object[] {cell.region.label(), cell.region.id(), values.hasHemisphere() ? cell.hemisphere : null, values.valueColumn(),
            DoseComparison.contrastName(design, contrast), design.control().name(), treated.name(), d(treated.doseMgKg()),
            c.n(), t.n(), d(c.mean()), d(c.sd()), d(c.sem()), d(c.median()), d(t.mean()), d(t.sd()), d(t.sem()), d(t.median()),
            d(diff), d(fold), d(log2), d(pct), d(hedges.g()), d(hedges.ciLow()), d(hedges.ciHigh()),
            d(welch.t()), d(welch.df()), d(welch.p()), d(qWelch), d(mwu.u()), d(mwu.p()), d(qMwu),
            d(cell.anova.p()), d(cell.qAnova), d(cell.kw.p()), d(cell.qKw), d(cell.trend.slope()), d(cell.trend.p()), d(cell.qTrend),
            d(cell.jt.p()), d(cell.qJt), direction(), String.join(";", cell.flags), values.atlas()};
    }

    /** NaN (undefined) is written as a missing value. */
    private static Double d(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
