package org.neuroatlas.knime.groupstatistics;

import org.knime.core.node.NodeDialogPane;
import org.neuroatlas.knime.common.DialogNodeFactory;

/** Group Statistics: region values + sample groups → the dose-comparison table (as {@code ./neuroatlas stats}). */
public final class GroupStatisticsNodeFactory extends DialogNodeFactory<GroupStatisticsNodeModel> {

    @Override
    public GroupStatisticsNodeModel createNodeModel() {
        return new GroupStatisticsNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GroupStatisticsNodeDialog();
    }
}
