package org.neuroatlas.knime.regionplot;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortType;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.report.ComparisonTable;
import org.neuroatlas.core.report.ReportFolder;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;
import org.neuroatlas.knime.common.StudyTables;

/**
 * Draws the report's plots of a dose comparison ({@link ReportFolder#plots}, what {@code ./neuroatlas report} puts
 * in plots/): per contrast a volcano plot, bar charts of the top regions when region values and samples are
 * connected, and coronal atlas slices when enabled. One output row per contrast × plot with the PNG and the SVG.
 */
final class RegionPlotNodeModel extends SettingsNodeModel<RegionPlotNodeSettings> {

    /** How errors name the input tables. */
    static final String COMPARISON_TABLE = "dose comparison table (input port 0)";
    static final String VALUES_TABLE = "region values table (input port 1)";
    static final String SAMPLE_TABLE = "sample table (input port 2)";

    /** The output's text columns; the PNG image ({@value #IMAGE}) and the SVG ({@value #SVG}) follow. */
    static final TableSchema PLOT = TableSchema.of(Column.string("contrast", "The contrast plotted, e.g. ketamine-30 vs saline"),
            Column.string("plot", "volcano, bars or coronal"));
    static final String IMAGE = "image";
    static final String SVG = "svg";

    RegionPlotNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL, BufferedDataTable.TYPE_OPTIONAL},
                new PortType[] {BufferedDataTable.TYPE}, new RegionPlotNodeSettings());
    }

    /** contrast, plot, image (PNG), svg (text). */
    static DataTableSpec outputSpec() {
        DataTableSpec text = KnimeTables.spec(PLOT);
        return new DataTableSpec(text.getColumnSpec(0), text.getColumnSpec(1), new DataColumnSpecCreator(IMAGE, PNGImageCellFactory.TYPE).createSpec(),
                new DataColumnSpecCreator(SVG, StringCell.TYPE).createSpec());
    }

    /** {@code inSpecs[1]} and {@code inSpecs[2]} are null when the optional ports are not connected. */
    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        settings().checkInputs(inSpecs[0], inSpecs[1], inSpecs[2]);
        return new DataTableSpec[] {outputSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        BufferedDataContainer out = exec.createDataContainer(outputSpec());
        KnimeProgress.run(exec, p -> plot(inData[0], inData[1], inData[2], p, out::addRowToTable));
        out.close();
        return new BufferedDataTable[] {out.getTable()};
    }

    /**
     * Draws every plot and hands over one row each, in report order (package-private: the OSGi tests call it).
     *
     * @param values  the region values, or null (then no bar charts; {@code samples} is then null too)
     * @param samples the samples' groups (several rows per sample allowed), or null
     * @return the number of plots
     */
    int plot(DataTable comparisonTable, DataTable values, DataTable samples, Progress progress, Consumer<DataRow> rows) throws IOException {
        ComparisonTable comparison = ComparisonTable.from(KnimeTables.text(COMPARISON_TABLE, comparisonTable), COMPARISON_TABLE);
        SampleSheet sheet = samples == null ? null : StudyTables.sampleGroups(SAMPLE_TABLE, samples);
        RegionValues regionValues = values == null || sheet == null ? null : StudyTables.regionValues(VALUES_TABLE, values, valueColumn(comparison), sheet);
        RegionPlotNodeSettings s = settings();
        try (Atlas atlas = s.coronal.getBooleanValue()
                ? s.atlas.open(progress.slice(0, 0.1)) : null) {
            ReportFolder.Content content = new ReportFolder.Content(comparison, regionValues, sheet, atlas, s.topRegions.getIntValue(),
                    s.slices.getIntValue());
            List<ReportFolder.Plot> plots = ReportFolder.plots(content, progress.slice(0.1, 1));
            long i = 0;
            for (ReportFolder.Plot p : plots) {
                rows.accept(KnimeTables.row(i++, PLOT, new Object[] {p.contrast(), p.kind()}, PNGImageCellFactory.create(p.figure().png()),
                        new StringCell(p.figure().svg())));
            }
            return plots.size();
        }
    }

    /** The value column for the bar charts: the setting, else what the statistics compared (count if the table does not say). */
    String valueColumn(ComparisonTable comparison) {
        String set = settings().valueColumn.getStringValue().trim();
        if (!set.isEmpty()) {
            return set;
        }
        List<String> compared = comparison.distinct("value_column");
        return compared.size() == 1 ? compared.get(0) : "count";
    }
}
