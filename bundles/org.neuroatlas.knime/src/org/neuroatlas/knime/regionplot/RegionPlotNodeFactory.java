package org.neuroatlas.knime.regionplot;

import org.knime.core.node.NodeDialogPane;
import org.neuroatlas.knime.common.DialogNodeFactory;

/** Region Plot: dose-comparison table (+ optional values and samples) → one PNG/SVG plot per contrast × kind. */
public final class RegionPlotNodeFactory extends DialogNodeFactory<RegionPlotNodeModel> {

    @Override
    public RegionPlotNodeModel createNodeModel() {
        return new RegionPlotNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new RegionPlotNodeDialog();
    }
}
