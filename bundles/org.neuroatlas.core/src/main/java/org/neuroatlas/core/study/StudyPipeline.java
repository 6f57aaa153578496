package org.neuroatlas.core.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.density.fibre.AxonDensityTable;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.core.stats.DoseComparison;
import org.neuroatlas.core.stats.StatsSettings;

/**
 * A whole cohort through the pipeline: for every brain, detect → register → map → count, and optionally the fibre
 * density (see {@link SampleSteps}), then the region counts (and fibre densities) of all brains in one table each.
 * Brains whose outputs exist are skipped (a re-run resumes); a brain that fails is reported and the others go on.
 */
public final class StudyPipeline {

    /** The table of all brains' region counts in the run's output folder. */
    public static final String COHORT_COUNTS = "region_counts.csv";
    /** The table of all brains' fibre densities in the run's output folder, when fibres are measured. */
    public static final String COHORT_AXONS = "axon_density.csv";

    /**
     * How one brain went.
     *
     * @param sampleId sample id
     * @param status   done now, done by an earlier run, or failed
     * @param cells    mapped cells (−1 if unknown: skipped or failed)
     * @param message  why it failed (one line naming the file or parameter), else empty
     * @param seconds  wall time spent on it in this run, s
     */
    public record SampleOutcome(String sampleId, Status status, long cells, String message, double seconds) {
    }

    public enum Status {
        DONE, ALREADY_DONE, FAILED
    }

    /**
     * @param samples     one outcome per input, in input order
     * @param countsTable the cohort's region counts ({@value #COHORT_COUNTS}), rows of the finished brains
     * @param axonTable   the cohort's fibre densities ({@value #COHORT_AXONS}), rows of the finished brains; null if
     *                    fibres were not measured
     */
    public record Result(List<SampleOutcome> samples, Path countsTable, Path axonTable) {

        public List<SampleOutcome> failed() {
            return samples.stream().filter(s -> s.status() == Status.FAILED).toList();
        }
    }

    /**
     * What a whole run gave.
     *
     * @param samples    how each brain went
     * @param comparison the dose comparison of the finished brains' cell counts
     * @param axons      the dose comparison of their fibre fractions, or null if fibres were not measured
     * @param sheet      the finished brains' sample sheet, the one the statistics used
     */
    public record CohortResult(Result samples, DoseComparison.Result comparison, DoseComparison.Result axons, SampleSheet sheet) {
    }

    private StudyPipeline() {
    }

    /**
     * The whole pipeline: every brain's steps ({@link #runSamples}), then the statistics, plots and report of the
     * brains that finished ({@link CohortComparison#write}); a brain that failed is left out of the statistics. With
     * fibres, their fibre fractions get the same statistics and report ({@link CohortComparison#AXONS}).
     *
     * @param sheetFile  the sample sheet's file, checksummed in the report (may be null)
     * @param axons      how fibres are measured, or null to measure none
     * @param stats      the statistics of the cell counts; the fibres' use {@link CohortComparison#axonStats}
     * @param parameters the run's parameters, listed in the report
     */
    public static CohortResult run(Atlas atlas, List<SampleInput> inputs, SampleSheet sheet, Path sheetFile, DetectionSettings detection,
            RegistrationRun.Settings registration, FibreStep axons, StatsSettings stats, Map<String, String> parameters, Path outDir,
            Progress progress) throws IOException {
        double pipelineEnd = axons == null ? 0.95 : 0.9;
        Result samples = runSamples(atlas, inputs, List.of(), detection, registration, axons, outDir, progress.slice(0, pipelineEnd));
        Set<String> failed = new HashSet<>();
        samples.failed().forEach(f -> failed.add(f.sampleId()));
        SampleSheet finished = new SampleSheet(sheet.samples().stream().filter(s -> !failed.contains(s.sampleId())).toList());
        double statsEnd = axons == null ? 1 : 0.95;
        DoseComparison.Result comparison = CohortComparison.write(atlas, samples.countsTable(), finished, sheetFile, stats, parameters, outDir,
                progress.slice(pipelineEnd, statsEnd));
        DoseComparison.Result fibres = null;
        if (axons != null) {
            fibres = CohortComparison.write(CohortComparison.AXONS, atlas, samples.axonTable(), finished, sheetFile, CohortComparison.axonStats(stats),
                    parameters, outDir, progress.slice(statsEnd, 1));
        }
        return new CohortResult(samples, comparison, fibres, finished);
    }

    /**
     * Runs the brains' steps and writes the cohort's counts table, and with fibres its fibre density table.
     *
     * @param listedRegions structures listed in every brain's counts even without cells
     * @param axons         how fibres are measured, or null to measure none
     * @throws CanceledException if {@code progress} asked to stop (finished brains stay finished)
     * @throws InputException    if no brain finished
     */
    public static Result runSamples(Atlas atlas, List<SampleInput> inputs, List<Integer> listedRegions, DetectionSettings detection,
            RegistrationRun.Settings registration, FibreStep axons, Path outDir, Progress progress) throws IOException {
        progress.report(0, "Measuring the atlas's region volumes");
        RegionVolumes volumes = RegionVolumes.measure(atlas, progress.slice(0, 0.02));
        SampleSteps steps = new SampleSteps(atlas, volumes, listedRegions, detection, registration, axons);
        List<SampleOutcome> outcomes = new ArrayList<>();
        int n = inputs.size();
        for (int i = 0; i < n; i++) {
            SampleInput input = inputs.get(i);
            Progress p = progress.slice(0.02 + 0.98 * i / n, 0.02 + 0.98 * (i + 1) / n).labelled(input.sampleId() + " (" + (i + 1) + " of " + n + ")");
            long start = System.nanoTime();
            try {
                SampleFolder folder = SampleFolder.of(outDir, input.sampleId());
                if (folder.finished(axons != null)) {
                    outcomes.add(new SampleOutcome(input.sampleId(), Status.ALREADY_DONE, -1, "", 0));
                    continue;
                }
                Files.createDirectories(folder.dir());
                long cells = steps.run(input, folder, p);
                outcomes.add(new SampleOutcome(input.sampleId(), Status.DONE, cells, "", (System.nanoTime() - start) / 1e9));
            } catch (InputException e) {
                outcomes.add(new SampleOutcome(input.sampleId(), Status.FAILED, -1, e.getMessage(), (System.nanoTime() - start) / 1e9));
            } catch (IOException | UncheckedIOException e) {
                outcomes.add(new SampleOutcome(input.sampleId(), Status.FAILED, -1, "could not read or write a file: " + e.getMessage(),
                        (System.nanoTime() - start) / 1e9));
            }
        }
        boolean fibres = axons != null;
        Path counts = outDir.resolve(COHORT_COUNTS);
        writeCohortTable(outcomes, outDir, fibres, RegionCounts.SCHEMA, SampleFolder::counts, counts);
        Path axonTable = null;
        if (fibres) {
            axonTable = outDir.resolve(COHORT_AXONS);
            writeCohortTable(outcomes, outDir, fibres, AxonDensityTable.SCHEMA, SampleFolder::axons, axonTable);
        }
        return new Result(outcomes, counts, axonTable);
    }

    /**
     * Concatenates one table of the finished brains, in input order (a brain that failed now is left out, even with
     * older outputs).
     *
     * @param fibres whether a finished brain has its fibre density too
     * @param table  which of a brain's tables
     */
    private static void writeCohortTable(List<SampleOutcome> outcomes, Path outDir, boolean fibres, TableSchema schema,
            Function<SampleFolder, Path> table, Path target) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        int finished = 0;
        for (SampleOutcome o : outcomes) {
            if (o.status() == Status.FAILED) {
                continue;
            }
            SampleFolder folder = SampleFolder.of(outDir, o.sampleId());
            if (!folder.finished(fibres)) {
                continue;
            }
            finished++;
            CsvTable t = CsvTable.read(table.apply(folder));
            t.requireColumns(schema.names());
            for (int r = 0; r < t.size(); r++) {
                rows.add(schema.read(t, r));
            }
        }
        if (finished == 0) {
            throw InputException.file(outDir, "has no finished sample", "See the errors listed for each sample above");
        }
        CsvTableWriter.write(target, schema, rows);
    }
}
