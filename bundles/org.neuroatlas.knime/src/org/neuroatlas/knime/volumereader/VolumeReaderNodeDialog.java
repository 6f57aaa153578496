package org.neuroatlas.knime.volumereader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Volume Reader node. */
final class VolumeReaderNodeDialog extends DefaultNodeSettingsPane {

    VolumeReaderNodeDialog() {
        VolumeReaderNodeSettings s = new VolumeReaderNodeSettings();
        var labels = s.labelsByKey();
        createNewGroup("Input");
        addDialogComponent(new DialogComponentStringSelection(s.mode, labels.get("mode"), VolumeReaderNodeSettings.MODE_SHEET,
                VolumeReaderNodeSettings.MODE_SINGLE));
        addDialogComponent(new DialogComponentFileChooser(s.path, "neuroatlas.volume", JFileChooser.OPEN_DIALOG, false, ".csv", ".tif|.tiff",
                ".nrrd|.nhdr", ".xml|.h5", ".ims"));
        closeCurrentGroup();
        createNewGroup("Single volume");
        addDialogComponent(new DialogComponentString(s.sampleId, labels.get("sample_id")));
        addDialogComponent(new DialogComponentString(s.group, labels.get("group")));
        addDialogComponent(new DialogComponentNumber(s.doseMgKg, labels.get("dose_mg_kg"), 1.0));
        addDialogComponent(new DialogComponentString(s.channel, labels.get("channel")));
        closeCurrentGroup();
        createNewGroup("Metadata overrides");
        addDialogComponent(new DialogComponentString(s.voxelSizeUm, labels.get("voxel_size_um") + " X,Y,Z"));
        addDialogComponent(new DialogComponentString(s.orientation, labels.get("orientation")));
        closeCurrentGroup();
        createNewTab("Advanced");
        addDialogComponent(new DialogComponentString(s.glob, labels.get("glob")));
        addDialogComponent(new DialogComponentNumber(s.setup, labels.get("setup"), 1));
        addDialogComponent(new DialogComponentNumber(s.timepoint, labels.get("timepoint"), 1));
        addDialogComponent(new DialogComponentNumber(s.level, labels.get("level"), 1));
    }
}
