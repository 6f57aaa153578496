package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.stats.DoseComparison;
import org.neuroatlas.core.stats.DoseComparisonTable;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.stats.StatsSettings;
import org.neuroatlas.core.study.SampleSheet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neuroatlas stats}: the dose-comparison table from per-sample region values and a sample sheet. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare groups region by region: each treated group against the control (Welch t, Mann-Whitney U, Hedges' g, fold change), "
                + "all groups together (Welch ANOVA, Kruskal-Wallis) and the dose-response trend (regression on dose, Jonckheere-Terpstra), "
                + "with Benjamini-Hochberg q-values. One row per region x hemisphere x contrast; see the README, Group statistics.",
            "The values are long tables (sample_id, region or acronym/region_id, optional hemisphere, the value column), e.g. the counts CSVs "
                    + "of map, concatenated. The output appears complete or not at all."})
final class StatsCommand implements Callable<Integer> {

    @Option(names = "--values", required = true, paramLabel = "CSV|DIR|GLOB",
            description = "Region values: a CSV, a folder (its *.csv files) or a glob such as 'cohort/*/counts.csv'; repeat for several.")
    List<String> values;

    @Option(names = "--samples", required = true, paramLabel = "CSV", description = "Sample sheet with sample_id, group, dose_mg_kg (path columns optional).")
    Path samples;

    @Mixin
    StatsOptions stats;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "The dose-comparison table to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            throw InputException.parameter("--out", out + " is a folder", "Give the path of the CSV file to write");
        }
        SampleSheet sheet = SampleSheet.readGroups(samples);
        StatsSettings settings = stats.settings(sheet);
        List<Path> files = valueFiles(values);
        List<CsvTable> tables = new ArrayList<>();
        for (Path f : files) {
            tables.add(CsvTable.read(f));
        }
        RegionValues rv = RegionValues.read(tables, settings.valueColumn(), sheet.sampleIds());
        DoseComparison.Result result = DoseComparison.run(rv, sheet, settings, "--control", "--regions");
        try {
            AtomicFile.write(out, tmp -> CsvTableWriter.write(tmp, DoseComparisonTable.SCHEMA, result.rows()));
        } catch (IOException e) {
            throw InputException.file(out, "could not be written (" + e + ")", "Check the free space and that the folder is writable", e);
        }
        print(spec.commandLine().getOut(), files.size(), rv, result, settings.fdr());
        return 0;
    }


    /** Each --values entry as files: itself, a folder's *.csv files, or a glob's matches; each in name order, repeats once. */
    static List<Path> valueFiles(List<String> entries) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (String e : entries) {
            if (e.indexOf('*') >= 0 || e.indexOf('?') >= 0 || e.indexOf('[') >= 0 || e.indexOf('{') >= 0) {
                List<Path> matches = glob(e);
                if (matches.isEmpty()) {
                    throw InputException.parameter("--values", "'" + e + "' matches no file", "Check the pattern (quote it so that the shell leaves it alone)");
                }
                files.addAll(matches);
            } else {
                Path p = Path.of(e);
                if (Files.isDirectory(p)) {
                    List<Path> csvs;
                    try (Stream<Path> s = Files.list(p)) {
                        csvs = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
                    }
                    if (csvs.isEmpty()) {
                        throw InputException.parameter("--values", "the folder " + p + " holds no .csv file", "Give the counts CSVs or their folder");
                    }
                    files.addAll(csvs);
                } else if (!Files.exists(p)) {
                    throw InputException.parameter("--values", p + " does not exist", "Check the path");
                } else {
                    files.add(p);
                }
            }
        }
        return List.copyOf(files);
    }

    /** Files matching {@code pattern}, searched below its longest leading part without wildcards. */
    private static List<Path> glob(String pattern) throws IOException {
        String norm = pattern.replace('\\', '/');
        int firstWild = norm.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = norm.indexOf(c);
            if (i >= 0) {
                firstWild = Math.min(firstWild, i);
            }
        }
        int slash = norm.lastIndexOf('/', firstWild);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : norm.substring(0, slash));
        String rest = norm.substring(slash + 1);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        try (Stream<Path> s = Files.walk(base)) {
            return s.filter(Files::isRegularFile).filter(f -> m.matches(base.relativize(f))).sorted().toList();
        }
    }

    private void print(PrintWriter w, int fileCount, RegionValues rv, DoseComparison.Result result, double fdr) {
        w.printf(Locale.ROOT, "%d value file(s), %d samples, %d regions, value column %s%s%n", fileCount, rv.samples().size(), rv.regions().size(),
                rv.valueColumn(), rv.atlas() == null ? "" : ", atlas " + rv.atlas());
        if (!result.samplesWithoutValues().isEmpty()) {
            w.printf(Locale.ROOT, "left out (in the sheet, no values): %s%n", String.join(", ", result.samplesWithoutValues()));
        }
        w.printf(Locale.ROOT, "regions up / down at q_welch < %s:%n", fdr);
        for (DoseComparison.ContrastSummary s : result.summary()) {
            w.printf(Locale.ROOT, "  %-28s %-6s %4d up %4d down  (%d of %d tested)%n", s.contrast(), s.hemisphere(), s.up(), s.down(), s.tested(), s.rows());
        }
        w.printf(Locale.ROOT, "wrote %s (%d rows)%n", out, result.rows().size());
        w.flush();
    }
}
