package org.neuroatlas.knime.cohortsimulator;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Cohort Simulator node. */
final class CohortSimulatorNodeDialog extends DefaultNodeSettingsPane {

    CohortSimulatorNodeDialog() {
        CohortSimulatorNodeSettings s = new CohortSimulatorNodeSettings();
        var labels = s.labelsByKey();
        // File choosers have no label of their own: their group's title says what they are for.
        createNewGroup("Output folder (new, empty, or an earlier simulated cohort, which is replaced)");
        addDialogComponent(new DialogComponentFileChooser(s.outputFolder, "neuroatlas.cohort", JFileChooser.SAVE_DIALOG, true));
        closeCurrentGroup();
        createNewGroup("Atlas (a folder, or 'demo' for the built-in demo atlas)");
        addDialogComponent(new DialogComponentFileChooser(s.atlas.atlas, "neuroatlas.atlas", JFileChooser.OPEN_DIALOG, true));
        addDialogComponent(new DialogComponentNumber(s.atlas.resolutionUm, labels.get("atlas_resolution_um"), 5.0));
        closeCurrentGroup();
        createNewGroup("Scenario (ketamine, null, or a scenario JSON file)");
        addDialogComponent(new DialogComponentFileChooser(s.scenario, "neuroatlas.scenario", JFileChooser.OPEN_DIALOG, false, ".json"));
        closeCurrentGroup();
        createNewGroup("Cohort");
        addDialogComponent(new DialogComponentNumber(s.nPerGroup, labels.get("n_per_group"), 1));
        addDialogComponent(new DialogComponentNumber(s.seed, labels.get("seed"), 1));
        addDialogComponent(new DialogComponentNumber(s.cellsScale, labels.get("cells_scale"), 0.1));
        addDialogComponent(new DialogComponentBoolean(s.fibres, labels.get("fibres")));
        closeCurrentGroup();
        createNewGroup("Imaging");
        addDialogComponent(new DialogComponentString(s.voxelSizeUm, labels.get("voxel_size_um") + " X,Y,Z"));
        addDialogComponent(new DialogComponentString(s.orientation, labels.get("orientation")));
        addDialogComponent(new DialogComponentString(s.crop, labels.get("crop")));
        closeCurrentGroup();
        createNewTab("Advanced");
        addDialogComponent(new DialogComponentNumber(s.threads, labels.get("threads") + " (0 = all cores)", 1));
    }
}
