package org.neuroatlas.knime.celldetector;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Cell Detector node. */
final class CellDetectorNodeDialog extends DefaultNodeSettingsPane {

    CellDetectorNodeDialog() {
        CellDetectorNodeSettings s = new CellDetectorNodeSettings();
        var labels = s.labelsByKey();
        createNewGroup("Input");
        addDialogComponent(new DialogComponentString(s.channel, labels.get("channel")));
        closeCurrentGroup();
        createNewGroup("Cells");
        addDialogComponent(new DialogComponentNumber(s.cellDiameterUm, labels.get("cell_diameter_um"), 1.0));
        addDialogComponent(new DialogComponentStringSelection(s.thresholdMode, labels.get("threshold_mode"), CellDetectorNodeSettings.AUTO,
                CellDetectorNodeSettings.ABSOLUTE));
        addDialogComponent(new DialogComponentNumber(s.thresholdValue, labels.get("threshold_value") + " (auto: K; absolute: band-passed intensity)",
                1.0));
        addDialogComponent(new DialogComponentString(s.minSeparationUm, labels.get("min_separation_um") + " (empty = half the cell diameter)"));
        addDialogComponent(new DialogComponentNumber(s.segmentationFraction, labels.get("segmentation_fraction"), 0.05));
        closeCurrentGroup();
        createNewGroup("Filters");
        addDialogComponent(new DialogComponentNumber(s.minVolumeUm3, labels.get("min_volume_um3"), 100.0));
        addDialogComponent(new DialogComponentNumber(s.maxVolumeUm3, labels.get("max_volume_um3") + " (0 = no limit)", 100.0));
        addDialogComponent(new DialogComponentNumber(s.minPeakAboveBackground, labels.get("min_peak_above_background"), 10.0));
        closeCurrentGroup();
        createNewTab("Advanced");
        addDialogComponent(new DialogComponentNumber(s.threads, labels.get("threads") + " (0 = all cores)", 1));
        addDialogComponent(new DialogComponentString(s.chunkVoxels, labels.get("chunk_voxels") + " X,Y,Z"));
    }
}
