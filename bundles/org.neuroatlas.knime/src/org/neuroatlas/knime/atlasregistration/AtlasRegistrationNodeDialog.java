package org.neuroatlas.knime.atlasregistration;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Atlas Registration node. */
final class AtlasRegistrationNodeDialog extends DefaultNodeSettingsPane {

    AtlasRegistrationNodeDialog() {
        AtlasRegistrationNodeSettings s = new AtlasRegistrationNodeSettings();
        var labels = s.labelsByKey();
        createNewGroup("Input");
        addDialogComponent(new DialogComponentString(s.channel, labels.get("channel")));
        closeCurrentGroup();
        createNewGroup("Atlas (a folder, or 'demo' for the built-in demo atlas)");
        addDialogComponent(new DialogComponentFileChooser(s.atlas.atlas, "neuroatlas.atlas", JFileChooser.OPEN_DIALOG, true));
        addDialogComponent(new DialogComponentNumber(s.atlas.resolutionUm, labels.get("atlas_resolution_um") + " (0 = finest)", 5.0));
        closeCurrentGroup();
        createNewGroup("Output folder (one registration folder per sample inside)");
        addDialogComponent(new DialogComponentFileChooser(s.outputFolder, "neuroatlas.registration", JFileChooser.SAVE_DIALOG, true));
        closeCurrentGroup();
        createNewGroup("Registration");
        addDialogComponent(new DialogComponentStringSelection(s.backend, labels.get("backend"), AtlasRegistrationNodeSettings.BUILTIN,
                AtlasRegistrationNodeSettings.ELASTIX));
        addDialogComponent(new DialogComponentBoolean(s.linearOnly, labels.get("linear_only") + " (rigid + affine, no non-rigid stage)"));
        addDialogComponent(new DialogComponentBoolean(s.normalise, labels.get("normalise")));
        closeCurrentGroup();
        createNewTab("Advanced");
        addDialogComponent(new DialogComponentNumber(s.threads, labels.get("threads") + " (0 = all cores)", 1));
    }
}
