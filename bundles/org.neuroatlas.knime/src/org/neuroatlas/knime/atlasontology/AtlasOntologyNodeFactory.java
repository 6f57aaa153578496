package org.neuroatlas.knime.atlasontology;

import org.knime.core.node.NodeDialogPane;
import org.neuroatlas.knime.common.DialogNodeFactory;

/** Atlas Ontology: an atlas's structures at a summary level, with region volumes. */
public final class AtlasOntologyNodeFactory extends DialogNodeFactory<AtlasOntologyNodeModel> {

    @Override
    public AtlasOntologyNodeModel createNodeModel() {
        return new AtlasOntologyNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AtlasOntologyNodeDialog();
    }
}
