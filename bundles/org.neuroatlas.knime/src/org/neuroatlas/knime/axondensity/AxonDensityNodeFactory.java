package org.neuroatlas.knime.axondensity;

import org.knime.core.node.NodeDialogPane;
import org.neuroatlas.knime.common.DialogNodeFactory;

/** Axon Density: volume table + registration table (+ optional cells) → fibre fraction per region and hemisphere. */
public final class AxonDensityNodeFactory extends DialogNodeFactory<AxonDensityNodeModel> {

    @Override
    public AxonDensityNodeModel createNodeModel() {
        return new AxonDensityNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AxonDensityNodeDialog();
    }
}
