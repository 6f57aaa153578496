package org.neuroatlas.knime.cohortsimulator;

import org.knime.core.node.NodeDialogPane;
import org.neuroatlas.knime.common.DialogNodeFactory;

/** Cohort Simulator: a synthetic cohort of cleared brains with known answers (sample sheet + ground truth). */
public final class CohortSimulatorNodeFactory extends DialogNodeFactory<CohortSimulatorNodeModel> {

    @Override
    public CohortSimulatorNodeModel createNodeModel() {
        return new CohortSimulatorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CohortSimulatorNodeDialog();
    }
}
