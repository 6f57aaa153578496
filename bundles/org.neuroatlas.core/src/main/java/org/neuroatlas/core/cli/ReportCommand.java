package org.neuroatlas.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.report.ComparisonTable;
import org.neuroatlas.core.report.HtmlReport;
import org.neuroatlas.core.report.Plots;
import org.neuroatlas.core.report.ReportFolder;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.study.SampleSheet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroatlas report}: plots and the self-contained HTML report of a dose comparison. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plot a dose comparison and write one self-contained HTML report: per contrast a volcano plot, a bar chart of group "
                + "means ± SEM with samples for the top regions (with --values and --samples) and coronal atlas slices coloured by log2 fold "
                + "change (with --atlas); the sortable comparison table, parameters, atlas identity, version and input SHA-256 checksums.",
            "Writes OUTDIR/report.html and OUTDIR/plots/*.png and *.svg; each file appears complete or not at all, report.html last."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--comparison", required = true, paramLabel = "CSV", description = "Dose-comparison table: one row per region x hemisphere "
            + "x contrast with region, hemisphere, contrast, control_group, treated_group, log2_fc, p_welch, q_welch, direction (others shown too).")
    Path comparison;

    @Option(names = "--values", paramLabel = "CSV", description = "Per-sample region values (sample_id, region or acronym, hemisphere, the "
            + "value column), e.g. the counts CSV of map; repeat for several files.")
    List<Path> values = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "CSV", description = "Sample sheet (sample_id, group, dose_mg_kg) for the bar charts.")
    Path samples;

    @Option(names = "--value-column", paramLabel = "NAME", defaultValue = "count", description = "Column of --values to plot (default: ${DEFAULT-VALUE}).")
    String valueColumn;

    @Option(names = "--atlas", paramLabel = "DIR|demo", description = "Atlas for the coronal slices (the one the comparison's regions come from).")
    String atlas;

    @Mixin
    AtlasOptions atlasOptions;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "Folder to write report.html and plots/ into (created if needed).")
    Path out;

    @Option(names = "--top", paramLabel = "N", defaultValue = "" + Plots.DEFAULT_TOP_REGIONS,
            description = "Regions in each bar chart, smallest q first (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--slices", paramLabel = "N", defaultValue = "" + Plots.DEFAULT_SLICES,
            description = "Coronal slices per contrast, 1-24 (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "NeuroAtlas dose-comparison report", description = "The report's title.")
    String title;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // The command never opens a window; without this, Java2D on a machine with a stale DISPLAY may try to reach it.
        System.setProperty("java.awt.headless", "true");
        checkOptions();
        ComparisonTable table = ComparisonTable.read(comparison);
        // checkOptions: values and samples come together. The values are read as the statistics read them.
        SampleSheet groups = samples == null ? null : SampleSheet.readGroups(samples);
        RegionValues regionValues = null;
        if (!values.isEmpty()) {
            List<CsvTable> tables = new ArrayList<>();
            for (Path v : values) {
                tables.add(CsvTable.read(v));
            }
            regionValues = RegionValues.read(tables, valueColumn, groups.sampleIds());
        }
        HtmlReport.Builder page = HtmlReport.builder().title(title).parameters(parameters()).inputFile("comparison", comparison);
        for (Path v : values) {
            page.inputFile("values", v);
        }
        if (samples != null) {
            page.inputFile("samples", samples);
        }
        ConsoleProgress progress = ConsoleProgress.stderr("report", quiet);
        List<Path> written;
        try (Atlas a = atlas == null ? null : atlasOptions.open(atlas, Progress.NONE)) {
            written = ReportFolder.write(out, new ReportFolder.Content(table, regionValues, groups, a, top, slices), page, progress);
        } finally {
            progress.done();
        }
        var w = spec.commandLine().getOut();
        w.printf("%d contrast(s), %d rows: wrote %s and %d plot files in %s%n", table.contrasts().size(), table.rows().size(),
                out.resolve(ReportFolder.REPORT), written.size() - 1, out.resolve(ReportFolder.PLOTS));
        w.flush();
        return 0;
    }

    private void checkOptions() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw InputException.parameter("--out", out + " is a file", "Give a folder to write report.html and plots/ into");
        }
        if (!values.isEmpty() && samples == null) {
            throw InputException.parameter("--samples", "is needed with --values (the bar charts group samples by it)",
                    "Give the sample sheet with sample_id and group");
        }
        if (values.isEmpty() && samples != null) {
            throw InputException.parameter("--values", "is needed with --samples (the bar charts plot these values)",
                    "Give the per-sample region values, e.g. the counts CSV of map");
        }
        if (top < 1) {
            throw InputException.parameter("--top", "must be at least 1, not " + top, null);
        }
        if (slices < 1 || slices > 24) {
            throw InputException.parameter("--slices", "must be between 1 and 24, not " + slices, null);
        }
    }

    /** The settings as the report lists them, in option order. */
    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("comparison", comparison.toString());
        p.put("values", values.isEmpty() ? "(none)" : values.stream().map(Path::toString).collect(Collectors.joining(", ")));
        p.put("samples", samples == null ? "(none)" : samples.toString());
        p.put("value column", valueColumn);
        p.put("atlas", atlas == null ? "(none)" : atlas);
        if (atlasOptions.resolutionUm != null) {
            p.put("resolution (µm)", atlasOptions.resolutionUm.toString());
        }
        p.put("top regions", Integer.toString(top));
        p.put("coronal slices", Integer.toString(slices));
        return p;
    }
}
