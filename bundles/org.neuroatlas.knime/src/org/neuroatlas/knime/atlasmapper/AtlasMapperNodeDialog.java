package org.neuroatlas.knime.atlasmapper;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Atlas Mapper node. */
final class AtlasMapperNodeDialog extends DefaultNodeSettingsPane {

    AtlasMapperNodeDialog() {
        AtlasMapperNodeSettings s = new AtlasMapperNodeSettings();
        var labels = s.labelsByKey();
        createNewGroup("Atlas the samples were registered to (a folder, or 'demo')");
        addDialogComponent(new DialogComponentFileChooser(s.atlas.atlas, "neuroatlas.atlas", JFileChooser.OPEN_DIALOG, true));
        addDialogComponent(new DialogComponentNumber(s.atlas.resolutionUm, labels.get("atlas_resolution_um") + " (0 = finest)", 5.0));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentString(s.regions, labels.get("regions") + " (empty = regions with cells; VTA,SNc | major | depth:N | all)"));
    }
}
