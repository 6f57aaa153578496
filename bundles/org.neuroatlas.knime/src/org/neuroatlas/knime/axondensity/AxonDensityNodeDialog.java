package org.neuroatlas.knime.axondensity;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Axon Density node. */
final class AxonDensityNodeDialog extends DefaultNodeSettingsPane {

    AxonDensityNodeDialog() {
        AxonDensityNodeSettings s = new AxonDensityNodeSettings();
        var labels = s.labelsByKey();
        createNewGroup("Input");
        addDialogComponent(new DialogComponentString(s.channel, labels.get("channel")));
        closeCurrentGroup();
        createNewGroup("Atlas the samples were registered to (a folder, or 'demo')");
        addDialogComponent(new DialogComponentFileChooser(s.atlas.atlas, "neuroatlas.atlas", JFileChooser.OPEN_DIALOG, true));
        addDialogComponent(new DialogComponentNumber(s.atlas.resolutionUm, labels.get("atlas_resolution_um") + " (0 = finest)", 5.0));
        closeCurrentGroup();
        createNewGroup("Fibres");
        addDialogComponent(new DialogComponentString(s.threshold, labels.get("threshold") + " (auto | auto:K | absolute value)"));
        addDialogComponent(new DialogComponentNumber(s.fibreDiameterMinUm, labels.get("fibre_diameter_min_um"), 0.5));
        addDialogComponent(new DialogComponentNumber(s.fibreDiameterMaxUm, labels.get("fibre_diameter_max_um"), 0.5));
        addDialogComponent(new DialogComponentNumber(s.widthFraction, labels.get("width_fraction") + " (0 to 1)", 0.05));
        addDialogComponent(new DialogComponentNumber(s.cellDiameterUm, labels.get("cell_diameter_um") + " (somata left out)", 1.0));
        closeCurrentGroup();
        createNewTab("Advanced");
        addDialogComponent(new DialogComponentNumber(s.threads, labels.get("threads") + " (0 = all cores)", 1));
        addDialogComponent(new DialogComponentString(s.chunkVoxels, labels.get("chunk_voxels") + " X,Y,Z"));
    }
}
