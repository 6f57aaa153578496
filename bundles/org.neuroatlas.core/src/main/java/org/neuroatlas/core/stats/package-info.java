/**
 * Group statistics of issue 8: the dose-comparison table ({@link org.neuroatlas.core.stats.DoseComparison},
 * columns {@link org.neuroatlas.core.stats.DoseComparisonTable#SCHEMA}) from a long table of per-sample region values
 * ({@link org.neuroatlas.core.stats.RegionValues}) and a sample sheet (sample_id, group, dose_mg_kg).
 * <p>
 * <b>Rows.</b> One per region × hemisphere × contrast; a contrast is one treated group against the control group,
 * contrasts by ascending treated dose. Regions follow the values' order (ontology order for {@code map} counts).
 * <p>
 * <b>Per group</b> ({@link org.neuroatlas.core.stats.Summary}): n, mean, SD (n − 1), SEM = SD/√n, median.
 * <p>
 * <b>Per contrast</b>: difference = m_t − m_c; fold_change = m_t/m_c; pct_change = 100·(m_t − m_c)/m_c;
 * log2_fc = log2((m_t + c)/(m_c + c)) with the pseudo-count c (default 1, in the value's unit: for counts, one cell,
 * which keeps log2_fc finite for regions empty in one group and damps ratios of tiny counts; for densities choose a
 * c of the order of one cell per region volume); Hedges' g with 95 % CI ({@link org.neuroatlas.core.stats.HedgesG});
 * Welch's t-test ({@link org.neuroatlas.core.stats.WelchTTest}); Mann–Whitney U
 * ({@link org.neuroatlas.core.stats.MannWhitneyU}, exact without ties, else normal with tie and continuity
 * correction). q-values: Benjamini–Hochberg ({@link org.neuroatlas.core.stats.BenjaminiHochberg}) across the
 * regions of one contrast and hemisphere.
 * <p>
 * <b>Across groups</b> (same on every contrast row of a region × hemisphere; BH across the regions of a hemisphere):
 * Welch's one-way ANOVA ({@link org.neuroatlas.core.stats.WelchAnova}), Kruskal–Wallis
 * ({@link org.neuroatlas.core.stats.KruskalWallis}), the least-squares slope of value on dose over all samples with
 * its t-test ({@link org.neuroatlas.core.stats.LinearTrend}) and Jonckheere–Terpstra over the groups by ascending
 * dose, equal doses pooled ({@link org.neuroatlas.core.stats.JonckheereTerpstra}). All p-values are two-sided.
 * <p>
 * <b>Direction</b>: up/down when q_welch &lt; the FDR (default 0.05), by the sign of the difference; else ns.
 * <p>
 * <b>Flags, not drops.</b> Every selected region × hemisphere gets its rows. A group with fewer than min n values
 * ({@code too_few_samples:G}) or none ({@code missing_group:G}) leaves the contrast tests involving it, and the
 * across-group tests, empty; {@code zero_variance:G} marks a group whose values are all equal (Welch's t is still
 * defined if the other group varies); {@code missing_values:K} counts samples left out for an empty value
 * (or, with {@link org.neuroatlas.core.stats.StatsSettings.Missing#SKIP}, an absent row); {@code zero_filled:K} counts
 * samples without a row taken as 0 (the default, right for {@code map} counts, which list only regions with cells);
 * {@code no_dose}: a group has no dose, so there is no trend test. A statistic that is undefined is written missing.
 */
package org.neuroatlas.core.stats;
