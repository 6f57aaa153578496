package org.neuroatlas.knime.atlasontology;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Atlas Ontology node. */
final class AtlasOntologyNodeDialog extends DefaultNodeSettingsPane {

    AtlasOntologyNodeDialog() {
        AtlasOntologyNodeSettings s = new AtlasOntologyNodeSettings();
        var labels = s.labelsByKey();
        createNewGroup("Atlas (a folder, or 'demo' for the built-in demo atlas)");
        addDialogComponent(new DialogComponentFileChooser(s.atlas.atlas, "neuroatlas.atlas", JFileChooser.OPEN_DIALOG, true));
        addDialogComponent(new DialogComponentNumber(s.atlas.resolutionUm, labels.get("atlas_resolution_um"), 5.0));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentString(s.level, labels.get("summary_level")));
    }
}
