package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.SummaryLevel;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.core.stats.DoseComparisonTable;
import org.neuroatlas.core.stats.StatsSettings;
import org.neuroatlas.core.study.DemoCohort;
import org.neuroatlas.core.study.DemoTruth;
import org.neuroatlas.core.study.StudyPipeline;
import org.neuroatlas.core.volume.VoxelSize;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neuroatlas demo}: simulate a small ketamine cohort and run the whole pipeline on it. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The main job on built-in data: simulate a small cohort of the ketamine scenario (saline, 30 and 100 mg/kg) on the "
                + "demo atlas, then run the whole pipeline on it (detect, register, map, count, statistics, plots, report) and print the "
                + "regions that went up or down per dose.",
            "Each brain is imaged as a lab short of time would: the whole brain's autofluorescence at 50 µm for registration, and the "
                    + "stained channel only around the midbrain dopamine groups (VTA, SNc) at --voxel-size. Results go to OUTDIR as with run; the simulated volumes to OUTDIR/simulated."})
final class DemoCommand implements Callable<Integer> {

    static final String SIMULATED = "simulated";

    @Option(names = "--out", defaultValue = "neuroatlas-demo", paramLabel = "OUTDIR",
            description = "Output folder (default: ${DEFAULT-VALUE}); an earlier demo there is replaced.")
    Path out;

    @Option(names = "--atlas", defaultValue = "demo", paramLabel = "DIR|demo", description = "Atlas folder, or demo (default: ${DEFAULT-VALUE}).")
    String atlas;

    @Mixin
    AtlasOptions atlasOptions;

    @Option(names = "--n-per-group", defaultValue = "3", paramLabel = "N", description = "Brains per group (default: ${DEFAULT-VALUE}).")
    int nPerGroup;

    @Option(names = "--voxel-size", defaultValue = "8,8,8", paramLabel = "X,Y,Z",
            description = "Voxel size of the stained channel in µm (default: ${DEFAULT-VALUE}: fast; 5,5,5 detects crowded cells better).")
    String voxelSize;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores); does not change the results.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VoxelSize voxel = VoxelSize.parse(voxelSize, "--voxel-size");
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw InputException.parameter("--threads", "must be at least 1, not " + n, null);
        }
        prepare(out);
        long start = System.nanoTime();
        StudyPipeline.CohortResult result;
        StatsSettings stats;
        DemoTruth truth;
        ConsoleProgress progress = ConsoleProgress.stderr("demo", quiet);
        try {
            DemoCohort.Cohort cohort = DemoCohort.simulate(new DemoCohort.Settings(atlas, atlasOptions.resolution(), "ketamine", nPerGroup, voxel,
                    seed, n), out.resolve(SIMULATED), progress.slice(0, 0.45));
            DetectionSettings detection = DetectionSettings.defaults().withThreads(n);
            // Only regions imaged whole are compared: a region cut by the crop has counts that depend on the cut.
            stats = StatsSettings.defaults(StatsOptions.lowestDoseGroup(cohort.sheet())).withRegions(SummaryLevel.acronyms(DemoTruth.DEMO_REGIONS));
            truth = DemoTruth.read(cohort.truth());
            try (Atlas a = atlasOptions.open(atlas, progress.slice(0.45, 0.46))) {
                result = StudyPipeline.run(a, cohort.inputs(), cohort.sheet(), cohort.sheetFile(), detection,
                        RegistrationRun.Settings.defaults(n), null, stats, RunCommand.parameters(spec), out,
                        progress.slice(0.46, 1));
            }
        } finally {
            progress.done();
        }
        PrintWriter w = spec.commandLine().getOut();
        CohortSummary.print(w, result, stats.fdr(), out);
        printAgainstTruth(w, result, truth);
        w.printf(Locale.ROOT, "demo finished in %.0f s%n", (System.nanoTime() - start) / 1e9);
        w.flush();
        return 0;
    }

    /** Each compared region's measured change next to the simulator's true change. */
    private static void printAgainstTruth(PrintWriter w, StudyPipeline.CohortResult result, DemoTruth truth) {
        w.printf(Locale.ROOT, "measured vs true change (both hemispheres):%n");
        w.printf(Locale.ROOT, "  %-6s %-26s %9s %9s %9s  %s%n", "region", "contrast", "measured", "true", "q_welch", "direction");
        int region = DoseComparisonTable.index("region");
        int hemisphere = DoseComparisonTable.index("hemisphere");
        for (Object[] row : result.comparison().rows()) {
            if (!"both".equals(row[hemisphere])) {
                continue;
            }
            String acronym = (String) row[region];
            double expected = truth.percentChange(acronym, "both", (String) row[DoseComparisonTable.index("control_group")],
                    (String) row[DoseComparisonTable.index("treated_group")]);
            w.printf(Locale.ROOT, "  %-6s %-26s %8.1f%% %8.1f%% %9.3g  %s%n", acronym, row[DoseComparisonTable.index("contrast")],
                    number(row[DoseComparisonTable.index("pct_change")]), expected, number(row[DoseComparisonTable.index("q_welch")]),
                    row[DoseComparisonTable.index("direction")]);
        }
    }

    private static double number(Object v) {
        return v instanceof Double d ? d : Double.NaN;
    }

    /** An earlier demo's folder is emptied (its brains are simulated anew); any other non-empty folder is refused. */
    private static void prepare(Path out) throws IOException {
        if (Files.isRegularFile(out)) {
            throw InputException.parameter("--out", out + " is a file", "Give a folder for the demo");
        }
        if (!Files.isDirectory(out)) {
            return;
        }
        boolean earlierDemo = Files.isDirectory(out.resolve(SIMULATED));
        try (Stream<Path> s = Files.list(out)) {
            if (!earlierDemo && s.findAny().isPresent()) {
                throw InputException.parameter("--out", out + " is not empty and holds no earlier demo",
                        "Give a new or empty folder; the demo replaces only its own output");
            }
        }
        if (earlierDemo) {
            AtomicFile.deleteRecursively(out);
        }
    }
}
