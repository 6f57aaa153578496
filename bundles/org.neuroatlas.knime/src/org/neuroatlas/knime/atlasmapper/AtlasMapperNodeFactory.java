package org.neuroatlas.knime.atlasmapper;

import org.knime.core.node.NodeDialogPane;
import org.neuroatlas.knime.common.DialogNodeFactory;

/** Atlas Mapper: cells table + registration table → cells in atlas space with their regions, and cells per region. */
public final class AtlasMapperNodeFactory extends DialogNodeFactory<AtlasMapperNodeModel> {

    @Override
    public AtlasMapperNodeModel createNodeModel() {
        return new AtlasMapperNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AtlasMapperNodeDialog();
    }
}
