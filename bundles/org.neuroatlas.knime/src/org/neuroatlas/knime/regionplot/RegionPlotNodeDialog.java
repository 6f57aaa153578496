package org.neuroatlas.knime.regionplot;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Region Plot node. */
final class RegionPlotNodeDialog extends DefaultNodeSettingsPane {

    RegionPlotNodeDialog() {
        RegionPlotNodeSettings s = new RegionPlotNodeSettings();
        var labels = s.labelsByKey();
        createNewGroup("Coronal slices (regions coloured by log2 fold change)");
        addDialogComponent(new DialogComponentBoolean(s.coronal, labels.get("coronal_slices")));
        addDialogComponent(new DialogComponentFileChooser(s.atlas.atlas, "neuroatlas.atlas", JFileChooser.OPEN_DIALOG, true));
        addDialogComponent(new DialogComponentNumber(s.atlas.resolutionUm, labels.get("atlas_resolution_um") + " (0 = finest)", 5.0));
        addDialogComponent(new DialogComponentNumber(s.slices, labels.get("slices") + " (1-24)", 1));
        closeCurrentGroup();
        createNewGroup("Bar charts (with region values and samples connected)");
        addDialogComponent(new DialogComponentNumber(s.topRegions, labels.get("top_regions") + " (smallest q first)", 1));
        addDialogComponent(new DialogComponentString(s.valueColumn, labels.get("value_column") + " (empty = the comparison's value_column)"));
        closeCurrentGroup();
    }
}
