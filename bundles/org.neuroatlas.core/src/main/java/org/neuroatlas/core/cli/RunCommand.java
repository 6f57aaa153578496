package org.neuroatlas.core.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.density.fibre.AxonDensityRun;
import org.neuroatlas.core.density.fibre.FibreSettings;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.stats.StatsSettings;
import org.neuroatlas.core.study.FibreStep;
import org.neuroatlas.core.study.SampleInput;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.study.StudyPipeline;
import org.neuroatlas.core.volume.Volumes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroatlas run}: a whole cohort from volumes to the dose comparison and its report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole pipeline on a cohort: for every brain of the sample sheet, detect the cells of its signal channel, "
                + "register its autofluorescence channel to the atlas, map the cells to regions and count them; then compare the groups "
                + "(the stats command's table) and write the plots and report.html.",
            "OUTDIR/samples/<sample_id>/ holds each brain's cells.csv, registration/, mapped_cells.csv and region_counts.csv; OUTDIR holds "
                    + "region_counts.csv (all brains), dose_comparison.csv, report.html and plots/. Every file appears complete or not at "
                    + "all, so a re-run skips the finished steps; a brain that fails is reported, the others go on, and the statistics "
                    + "use the brains that finished.",
            "With --axons, also each brain's fibre density (the axons command through the same registration, somata excluded by the "
                    + "fibre filter's blob rule, and the detected cells too with --axon-cells): OUTDIR/samples/<sample_id>/axon_density.csv, OUTDIR/axon_density.csv (all brains), "
                    + "dose_comparison_axons.csv (fibre_fraction compared) and axons/report.html with axons/plots/."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--samples", required = true, paramLabel = "CSV", description = "Sample sheet: sample_id, group, dose_mg_kg, signal_path, "
            + "autofluorescence_path, and voxel_um_x/y/z and orientation unless the files carry them.")
    Path samples;

    @Option(names = "--atlas", required = true, paramLabel = "DIR|demo", description = "Atlas folder with a template image, or demo.")
    String atlas;

    @Mixin
    AtlasOptions atlasOptions;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "Output folder (created; an earlier run's is resumed).")
    Path out;

    @Mixin
    DetectOptions detect;

    @Mixin
    RegistrationOptions registration;

    @Option(names = "--axons", description = "Also measure each brain's fibre (axon) density per region and compare the groups' fibre fractions "
            + "(off by default: it filters the signal volume once more at full resolution, for fibres 1-3 µm thick).")
    boolean axons;

    @Option(names = "--axon-threshold", defaultValue = AxonDensityRun.DEFAULT_THRESHOLD, paramLabel = "auto|auto:K|VALUE",
            description = "With --axons: the axons command's --threshold on the ridge response (default: ${DEFAULT-VALUE}).")
    String axonThreshold;

    @Mixin
    FibreOptions fibre;

    @Option(names = "--axon-cells", description = "With --axons: also exclude the detected cells as somata, not only by the fibre filter's blob "
            + "rule (off by default: where cells are sparse, the detector also fires on bright fibres, and excluding those removes fibre).")
    boolean axonCells;

    @Mixin
    StatsOptions stats;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw InputException.parameter("--out", out + " is a file", "Give a folder for the results");
        }
        SampleSheet sheet = SampleSheet.read(samples);
        List<SampleInput> inputs = SampleInput.fromSheet(sheet, samples);
        // Settings are checked before the hours of work, not after.
        StatsSettings statsSettings = stats.settings(sheet);
        DetectionSettings detection = detect.settings();
        // Somata are excluded at the detector's cell diameter (one notion of a cell for both steps); the detected cells
        // themselves only on request, as they include false detections on fibres that would remove fibre.
        FibreStep fibres = axons ? new FibreStep(
                fibre.settings("--axon-threshold", axonThreshold, detection.cellDiameterUm(), detection.threads(), AxonDensityRun.DEFAULT_CHUNK_VOXELS),
                axonCells) : null;
        if (fibres != null) {
            warnCoarseSignal(inputs, fibres.settings());
        }
        StudyPipeline.CohortResult result;
        ConsoleProgress progress = ConsoleProgress.stderr("run", quiet);
        try (Atlas a = atlasOptions.open(atlas, progress.slice(0, 0.01))) {
            Files.createDirectories(out);
            result = StudyPipeline.run(a, inputs, sheet, samples, detection, registration.registration(detection.threads()), fibres, statsSettings,
                    parameters(spec), out, progress.slice(0.01, 1));
        } finally {
            progress.done();
        }
        CohortSummary.print(spec.commandLine().getOut(), result, statsSettings.fdr(), out);
        return result.samples().failed().isEmpty() ? 0 : NeuroAtlasCli.EXIT_INPUT;
    }

    /** Before hours of work: a warning, with the number of brains, for signal voxels too coarse for the fibres looked for. */
    private void warnCoarseSignal(List<SampleInput> inputs, FibreSettings settings) {
        Map<String, Integer> brains = new LinkedHashMap<>();
        for (SampleInput in : inputs) {
            try {
                Volumes.readHeader(in.signal(), in.signalRead()).voxelSizeUm().flatMap(settings::resolutionConcern)
                        .ifPresent(c -> brains.merge(c, 1, Integer::sum));
            } catch (InputException e) {
                // the brain's own step reports a missing or bad file, and the others go on
            }
        }
        brains.forEach((concern, n) -> spec.commandLine().getErr().println("warning: --axons on " + n + " brain(s): " + concern));
    }

    /** The command line as given, for the report's parameter list. */
    static Map<String, String> parameters(CommandSpec spec) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", "neuroatlas " + spec.name() + " " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        return p;
    }
}
