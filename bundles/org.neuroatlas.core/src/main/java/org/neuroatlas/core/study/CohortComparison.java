package org.neuroatlas.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.density.fibre.AxonDensityTable;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.report.ComparisonTable;
import org.neuroatlas.core.report.HtmlReport;
import org.neuroatlas.core.report.Plots;
import org.neuroatlas.core.report.ReportFolder;
import org.neuroatlas.core.stats.DoseComparison;
import org.neuroatlas.core.stats.DoseComparisonTable;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.stats.StatsSettings;

/**
 * The cohort's last steps: the dose-comparison table from all brains' region values, then the plots and the HTML
 * report, as {@code ./neuroatlas stats} and {@code ./neuroatlas report} make them; for the cell counts
 * ({@link #CELLS}) and for the fibre fractions ({@link #AXONS}).
 */
public final class CohortComparison {

    public static final String DOSE_COMPARISON = "dose_comparison.csv";
    public static final String DOSE_COMPARISON_AXONS = "dose_comparison_axons.csv";
    /** The fibre report's folder in the run's output folder (its report.html and plots/). */
    public static final String AXON_REPORT_FOLDER = "axons";

    /**
     * Where one comparison goes and what its report is called.
     *
     * @param comparisonFile the dose-comparison table's name in the output folder
     * @param reportFolder   the report's folder relative to the output folder ("" = the output folder)
     * @param title          the report's title
     * @param valuesLabel    how the report names the region values it was computed from
     */
    public record Output(String comparisonFile, String reportFolder, String title, String valuesLabel) {
    }

    /** The cell counts': {@value #DOSE_COMPARISON}, report.html and plots/ in the output folder. */
    public static final Output CELLS = new Output(DOSE_COMPARISON, "", "NeuroAtlas dose comparison", "region values");
    /** The fibre fractions': {@value #DOSE_COMPARISON_AXONS} in the output folder, the report in {@value #AXON_REPORT_FOLDER}/. */
    public static final Output AXONS = new Output(DOSE_COMPARISON_AXONS, AXON_REPORT_FOLDER, "NeuroAtlas fibre density comparison", "fibre density");

    private CohortComparison() {
    }

    /**
     * The statistics of the fibre fractions given those of the cells: same control, regions, min n and FDR; the
     * value is {@code fibre_fraction}; no pseudo-count, since fractions of a few 10⁻³ would drown in the count's
     * pseudo-count of 1 and a region that is imaged always has a fraction; a region missing from a brain's table was
     * not imaged in it, so its value is unknown rather than zero.
     */
    public static StatsSettings axonStats(StatsSettings cells) {
        return cells.withValueColumn(AxonDensityTable.FIBRE_FRACTION).withPseudoCount(0).withMissing(StatsSettings.Missing.SKIP);
    }

    /** {@link #write(Output, Atlas, Path, SampleSheet, Path, StatsSettings, Map, Path, Progress)} of {@link #CELLS}. */
    public static DoseComparison.Result write(Atlas atlas, Path values, SampleSheet sheet, Path sheetFile, StatsSettings settings,
            Map<String, String> parameters, Path outDir, Progress progress) throws IOException {
        return write(CELLS, atlas, values, sheet, sheetFile, settings, parameters, outDir, progress);
    }

    /**
     * Writes the dose-comparison table, the report and its plots where {@code output} says.
     *
     * @param values     the cohort's long region-value table (e.g. the pipeline's region counts)
     * @param sheet      the samples' groups and doses
     * @param sheetFile  the sample sheet, checksummed in the report (may be null)
     * @param parameters the run's parameters, listed in the report
     */
    public static DoseComparison.Result write(Output output, Atlas atlas, Path values, SampleSheet sheet, Path sheetFile, StatsSettings settings,
            Map<String, String> parameters, Path outDir, Progress progress) throws IOException {
        progress.report(0, "Statistics of the " + output.valuesLabel());
        CsvTable table = CsvTable.read(values);
        RegionValues rv = RegionValues.read(List.of(table), settings.valueColumn(), sheet.sampleIds());
        DoseComparison.Result result = DoseComparison.run(rv, sheet, settings, "--control", "--regions");
        Path csv = outDir.resolve(output.comparisonFile());
        AtomicFile.write(csv, tmp -> CsvTableWriter.write(tmp, DoseComparisonTable.SCHEMA, result.rows()));
        progress.report(0.2, "Plots and report");
        HtmlReport.Builder page = HtmlReport.builder().title(output.title()).parameters(parameters)
                .atlas(atlas.identity(), atlas.identity().toString()).inputFile(output.valuesLabel(), values);
        if (sheetFile != null) {
            page.inputFile("samples", sheetFile);
        }
        ReportFolder.Content content = new ReportFolder.Content(ComparisonTable.read(csv), rv, sheet, atlas, Plots.DEFAULT_TOP_REGIONS,
                Plots.DEFAULT_SLICES);
        ReportFolder.write(outDir.resolve(output.reportFolder()), content, page, progress.slice(0.2, 1));
        return result;
    }
}
