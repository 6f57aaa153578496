package org.neuroatlas.knime.regionplot;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.report.ComparisonTable;
import org.neuroatlas.core.report.Plots;
import org.neuroatlas.knime.common.AtlasSettings;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.NodeSettingsSupport;
import org.neuroatlas.knime.common.StudyTables;

/** Settings of the Region Plot node: those of {@code ./neuroatlas report} that shape the plots. */
final class RegionPlotNodeSettings extends NodeSettingsSupport {

    /** Whether to draw coronal slices (they need the atlas the regions come from). */
    final SettingsModelBoolean coronal = add(new SettingsModelBoolean("coronal_slices", true), "Coronal slices");
    final AtlasSettings atlas = new AtlasSettings(this);
    final SettingsModelInteger slices = add(new SettingsModelInteger("slices", Plots.DEFAULT_SLICES), "Slices per contrast");
    final SettingsModelInteger topRegions = add(new SettingsModelInteger("top_regions", Plots.DEFAULT_TOP_REGIONS), "Top regions");
    /** Empty = the comparison's value_column (what the statistics compared). */
    final SettingsModelString valueColumn = add(new SettingsModelString("value_column", ""), "Value column");

    @Override
    protected RegionPlotNodeSettings newInstance() {
        return new RegionPlotNodeSettings();
    }

    @Override
    public void check(boolean filesMustExist) throws InvalidSettingsException {
        if (coronal.getBooleanValue()) {
            atlas.check(filesMustExist);
        }
        int n = slices.getIntValue();
        if (n < 1 || n > 24) {
            throw new InvalidSettingsException("Slices per contrast must be between 1 and 24, not " + n);
        }
        if (topRegions.getIntValue() < 1) {
            throw new InvalidSettingsException("Top regions must be at least 1, not " + topRegions.getIntValue());
        }
    }

    /**
     * Checks the input columns (at configure): the comparison's, and, for the bar charts, that values and samples are
     * connected together.
     *
     * @param values  spec at the optional values port, or null if not connected
     * @param samples spec at the optional samples port, or null if not connected
     */
    void checkInputs(DataTableSpec comparison, DataTableSpec values, DataTableSpec samples) throws InvalidSettingsException {
        checked(() -> KnimeTables.header(RegionPlotNodeModel.COMPARISON_TABLE, comparison).requireColumns(ComparisonTable.REQUIRED.toArray(String[]::new)));
        if ((values == null) != (samples == null)) {
            throw new InvalidSettingsException("Bar charts need both the region values (input port 1) and the samples (input port 2): connect "
                    + (values == null ? "the region values" : "the samples") + ", or disconnect the other port");
        }
        if (values != null && !valueColumn.getStringValue().isBlank()) {
            // Without a value column set, the column comes from the comparison's rows: checked at execute.
            StudyTables.checkValueColumns(RegionPlotNodeModel.VALUES_TABLE, values, valueColumn.getStringValue().trim());
        }
        if (samples != null) {
            StudyTables.checkSampleColumns(RegionPlotNodeModel.SAMPLE_TABLE, samples);
        }
    }
}
