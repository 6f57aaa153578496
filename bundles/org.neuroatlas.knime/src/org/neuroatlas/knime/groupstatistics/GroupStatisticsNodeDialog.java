package org.neuroatlas.knime.groupstatistics;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Group Statistics node. */
final class GroupStatisticsNodeDialog extends DefaultNodeSettingsPane {

    GroupStatisticsNodeDialog() {
        GroupStatisticsNodeSettings s = new GroupStatisticsNodeSettings();
        var labels = s.labelsByKey();
        createNewGroup("Comparison");
        addDialogComponent(new DialogComponentString(s.control, labels.get("control_group") + " (as in the group column)"));
        addDialogComponent(new DialogComponentString(s.valueColumn, labels.get("value_column") + " (e.g. count, density_per_mm3)"));
        addDialogComponent(new DialogComponentString(s.regions, labels.get("regions") + " (empty = all in the values; VTA,SNc | major | depth:N | all)"));
        closeCurrentGroup();
        createNewGroup("Tests");
        addDialogComponent(new DialogComponentNumber(s.minN, labels.get("min_n"), 1));
        addDialogComponent(new DialogComponentNumber(s.fdr, labels.get("fdr") + " (q_welch below it is up/down)", 0.01));
        addDialogComponent(new DialogComponentNumber(s.pseudoCount, labels.get("pseudo_count") + " (value unit, in log2_fc)", 0.5));
        addDialogComponent(new DialogComponentStringSelection(s.missing, labels.get("missing"), "zero", "skip"));
        closeCurrentGroup();
    }
}
