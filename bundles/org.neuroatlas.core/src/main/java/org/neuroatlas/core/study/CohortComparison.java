package org.neuroatlas.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
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
 * report, as {@code ./neuroatlas stats} and {@code ./neuroatlas report} make them.
 */
public final class CohortComparison {

    public static final String DOSE_COMPARISON = "dose_comparison.csv";

    private CohortComparison() {
    }

    /**
     * Writes {@value #DOSE_COMPARISON}, {@code report.html} and {@code plots/} into {@code outDir}.
     *
     * @param values     the cohort's long region-value table (e.g. the pipeline's region counts)
     * @param sheet      the samples' groups and doses
     * @param sheetFile  the sample sheet, checksummed in the report (may be null)
     * @param parameters the run's parameters, listed in the report
     */
    public static DoseComparison.Result write(Atlas atlas, Path values, SampleSheet sheet, Path sheetFile, StatsSettings settings,
            Map<String, String> parameters, Path outDir, Progress progress) throws IOException {
        progress.report(0, "Statistics");
        CsvTable table = CsvTable.read(values);
        RegionValues rv = RegionValues.read(List.of(table), settings.valueColumn(), sheet.sampleIds());
        DoseComparison.Result result = DoseComparison.run(rv, sheet, settings, "--control", "--regions");
        Path csv = outDir.resolve(DOSE_COMPARISON);
        AtomicFile.write(csv, tmp -> CsvTableWriter.write(tmp, DoseComparisonTable.SCHEMA, result.rows()));
        progress.report(0.2, "Plots and report");
        HtmlReport.Builder page = HtmlReport.builder().title("NeuroAtlas dose comparison").parameters(parameters)
                .atlas(atlas.identity(), atlas.identity().toString()).inputFile("region values", values);
        if (sheetFile != null) {
            page.inputFile("samples", sheetFile);
        }
        ReportFolder.Content content = new ReportFolder.Content(ComparisonTable.read(csv), rv, sheet, atlas, Plots.DEFAULT_TOP_REGIONS,
                Plots.DEFAULT_SLICES);
        ReportFolder.write(outDir, content, page, progress.slice(0.2, 1));
        return result;
    }
}
