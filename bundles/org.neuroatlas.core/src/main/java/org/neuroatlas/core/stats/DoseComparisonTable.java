package org.neuroatlas.core.stats;

import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;

/** The columns of the dose-comparison table, identical in the CSV {@code ./neuroatlas stats} writes and the KNIME node's output. */
public final class DoseComparisonTable {

    private DoseComparisonTable() {
    }

    /** One row per region × hemisphere × contrast (treated group vs control); see the README's "Group statistics". */
    public static final TableSchema SCHEMA = TableSchema.of(
            Column.string("region", "Region acronym (or id, if the values give only ids)"),
            Column.integer("region_id", "Atlas structure id (missing if the values give none)"),
            Column.string("hemisphere", "left, right or both, as in the values (missing if the values have no hemisphere column)"),
            Column.string("value_column", "The compared value column, e.g. count or density_per_mm3"),
            Column.string("contrast", "'<treated> vs <control>', e.g. ketamine-30 vs saline"),
            Column.string("control_group", "Control group name"),
            Column.string("treated_group", "Treated group name"),
            Column.real("dose_treated_mg_kg", "Dose of the treated group, mg/kg (missing if not given)"),
            Column.integer("n_control", "Control samples with a value"),
            Column.integer("n_treated", "Treated samples with a value"),
            Column.real("mean_control", "Control mean, value unit"),
            Column.real("sd_control", "Control standard deviation (n − 1), value unit"),
            Column.real("sem_control", "Control standard error of the mean, value unit"),
            Column.real("median_control", "Control median, value unit"),
            Column.real("mean_treated", "Treated mean, value unit"),
            Column.real("sd_treated", "Treated standard deviation (n − 1), value unit"),
            Column.real("sem_treated", "Treated standard error of the mean, value unit"),
            Column.real("median_treated", "Treated median, value unit"),
            Column.real("difference", "mean_treated − mean_control, value unit"),
            Column.real("fold_change", "mean_treated / mean_control (missing if mean_control is 0)"),
            Column.real("log2_fc", "log2((mean_treated + c) / (mean_control + c)), c the pseudo-count (default 1, value unit)"),
            Column.real("pct_change", "100 · (mean_treated − mean_control) / mean_control, % (missing if mean_control is 0)"),
            Column.real("hedges_g", "Hedges' g (bias-corrected standardised mean difference, pooled SD)"),
            Column.real("hedges_g_ci_low", "Lower end of the 95 % CI of g (normal approximation)"),
            Column.real("hedges_g_ci_high", "Upper end of the 95 % CI of g (normal approximation)"),
            Column.real("t_welch", "Welch t statistic (positive: treated higher)"),
            Column.real("df_welch", "Welch–Satterthwaite degrees of freedom"),
            Column.real("p_welch", "Two-sided p of Welch's t-test"),
            Column.real("q_welch", "Benjamini–Hochberg q of p_welch across regions, within contrast and hemisphere"),
            Column.real("u_mwu", "Mann–Whitney U of the treated group (pairs with treated higher, ties ½)"),
            Column.real("p_mwu", "Two-sided Mann–Whitney p: exact without ties (N ≤ 60), else normal approximation with tie and continuity correction"),
            Column.real("q_mwu", "Benjamini–Hochberg q of p_mwu across regions, within contrast and hemisphere"),
            Column.real("p_anova", "Welch one-way ANOVA p across all groups (same on every contrast row of a region × hemisphere)"),
            Column.real("q_anova", "Benjamini–Hochberg q of p_anova across regions, within hemisphere"),
            Column.real("p_kw", "Kruskal–Wallis p across all groups (tie-corrected, χ² approximation)"),
            Column.real("q_kw", "Benjamini–Hochberg q of p_kw across regions, within hemisphere"),
            Column.real("slope_per_mg_kg", "Least-squares slope of value on dose over all samples, value unit per mg/kg"),
            Column.real("p_trend", "Two-sided p of the slope (t-test, n − 2 df)"),
            Column.real("q_trend", "Benjamini–Hochberg q of p_trend across regions, within hemisphere"),
            Column.real("p_jt", "Two-sided Jonckheere–Terpstra p, groups by ascending dose: exact without ties (N ≤ 60), else normal approximation with tie correction"),
            Column.real("q_jt", "Benjamini–Hochberg q of p_jt across regions, within hemisphere"),
            Column.string("direction", "up or down if q_welch < the FDR (default 0.05) by the sign of difference, else ns"),
            Column.string("flag", "Semicolon-separated warnings (empty if none): too_few_samples:G, zero_variance:G, missing_group:G, "
                    + "missing_values:K, zero_filled:K, no_dose"),
            Column.string("atlas", "Atlas identity key of the values (missing if they carry none)"));

    /** The index of a column in {@link #SCHEMA}. */
    public static int index(String name) {
        int i = SCHEMA.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return i;
    }
}
