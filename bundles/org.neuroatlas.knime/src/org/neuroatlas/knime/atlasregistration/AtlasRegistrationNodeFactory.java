package org.neuroatlas.knime.atlasregistration;

import org.knime.core.node.NodeDialogPane;
import org.neuroatlas.knime.common.DialogNodeFactory;

/** Atlas Registration: volume table → one registration folder per sample and a table of them with quality figures. */
public final class AtlasRegistrationNodeFactory extends DialogNodeFactory<AtlasRegistrationNodeModel> {

    @Override
    public AtlasRegistrationNodeModel createNodeModel() {
        return new AtlasRegistrationNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AtlasRegistrationNodeDialog();
    }
}
