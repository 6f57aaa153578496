package org.neuroatlas.knime.celldetector;

import org.knime.core.node.NodeDialogPane;
import org.neuroatlas.knime.common.DialogNodeFactory;

/** Cell Detector: volume table → detected cells and a per-sample summary. */
public final class CellDetectorNodeFactory extends DialogNodeFactory<CellDetectorNodeModel> {

    @Override
    public CellDetectorNodeModel createNodeModel() {
        return new CellDetectorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CellDetectorNodeDialog();
    }
}
