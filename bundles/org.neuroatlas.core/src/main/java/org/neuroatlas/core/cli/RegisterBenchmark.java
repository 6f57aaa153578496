package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.density.RegionCountAccuracy;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.Registration;
import org.neuroatlas.core.register.RegistrationOutcome;
import org.neuroatlas.core.register.TransformDistance;
import org.neuroatlas.core.register.TransformQuality;
import org.neuroatlas.core.register.elastix.ElastixBackend;
import org.neuroatlas.core.register.elastix.ElastixRegistration;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.study.Sample;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neuroatlas benchmark register}: the built-in engine and elastix on the same simulated brain(s) in one run,
 * each scored against the simulator's true transform: wall time, NCC over the atlas brain, distance to the truth
 * over every atlas-brain voxel (mean, median, max, µm), Jacobian determinant range and folds, and the true cells'
 * counts per region ({@link RegionCountAccuracy}). Not a test: it prints figures.
 */
@Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Registration accuracy and speed: the built-in engine next to elastix on the same simulated brain(s), scored against "
                + "the simulator's true transform (distance over every atlas-brain voxel, µm) and by the brain's true cells mapped with each "
                + "result: per region with cell effects in the scenario, count against the truth and median position error.",
            "Default: one whole control brain of the demo atlas simulated at 50 µm (psl, seed 3) in a temporary folder, deleted afterwards. "
                    + "elastix is optional: without it only the built-in engine is measured (" + ElastixBackend.INSTALL_HINT + ")."})
final class RegisterBenchmark implements Callable<Integer> {

    @Option(names = "--cohort", paramLabel = "DIR", description = "A simulated cohort (samples.csv, each brain with its true transform/) to "
            + "register instead of simulating one brain.")
    Path cohort;

    @Option(names = "--brains", defaultValue = "1", paramLabel = "N", description = "With --cohort: register the first N brains (default: ${DEFAULT-VALUE}).")
    int brains;

    @Option(names = "--atlas", defaultValue = "demo", paramLabel = "DIR|demo", description = "The atlas the brains were simulated with "
            + "(default: ${DEFAULT-VALUE}).")
    String atlas;

    @Mixin
    AtlasOptions atlasOptions;

    @Option(names = "--orientation", defaultValue = "psl", paramLabel = "CODE", description = "Orientation of the simulated brain "
            + "(default: ${DEFAULT-VALUE}); with --cohort the sample sheet's.")
    String orientation;

    @Option(names = "--voxel-um", defaultValue = "50", paramLabel = "UM", description = "Voxel size of the simulated brain, µm "
            + "(default: ${DEFAULT-VALUE}).")
    double voxelUm;

    @Option(names = "--seed", defaultValue = "3", paramLabel = "N", description = "Seed of the simulated brain (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "Threads of both backends (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--elastix-iterations", defaultValue = "150,150", paramLabel = "AFFINE,BSPLINE", description = "elastix iterations per "
            + "pyramid level of the affine and the B-spline stage (default: ${DEFAULT-VALUE}, the shipped parameter files' values).")
    String elastixIterations;

    @Option(names = "--elastix-metric", defaultValue = "NCC", paramLabel = "NCC|MI", description = "elastix's similarity measure (default: ${DEFAULT-VALUE}).")
    ElastixRegistration.Metric metric;

    /** For tests: where to look for elastix instead of the PATH. */
    @Option(names = "--elastix-search-path", hidden = true)
    String elastixSearchPath;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /**
     * One brain to register: its autofluorescence, orientation and true transform; its true cells and the regions to
     * count them in (the scenario's regions with cell effects), if the simulation placed cells.
     */
    private record Brain(String id, Path autofluorescence, Orientation orientation, Path truth, Optional<Path> cells, List<String> countRegions) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int[] its = parseIterations(elastixIterations);
        ElastixRegistration.Settings elastixSettings = new ElastixRegistration.Settings(threads, true, metric, its[0], its[1],
                ElastixRegistration.Settings.defaults(threads).gridSpacingUm(), null);
        Optional<ElastixBackend> elastix = elastixSearchPath != null ? ElastixBackend.locate(elastixSearchPath) : ElastixBackend.locate();
        Path temp = Files.createTempDirectory("neuroatlas-bench-register-");
        ConsoleProgress progress = ConsoleProgress.stderr("benchmark", quiet);
        try (Atlas a = atlasOptions.open(atlas, progress.slice(0, 0.01))) {
            List<Brain> list = cohort != null ? fromCohort(cohort, brains) : List.of(simulate(out, temp.resolve("cohort")));
            out.printf(Locale.ROOT, "atlas:      %s, template %s µm; %d thread(s)%n", a.identity().key(), a.template().map(t -> t.voxelSizeUm().toString())
                    .orElse("none"), threads);
            if (elastix.isEmpty()) {
                out.printf("elastix:    not installed, only the built-in engine is measured. %s%n", ElastixBackend.INSTALL_HINT);
            } else {
                out.printf(Locale.ROOT, "elastix:    %s; affine %d + B-spline %d iterations per level, %s, grid %.0f µm%n", elastix.get().elastix(),
                        its[0], its[1], metric, elastixSettings.gridSpacingUm());
            }
            out.flush();
            for (Brain b : list) {
                AtlasTransform truth = AtlasTransform.load(b.truth());
                truth.requireAtlas(a.identity(), b.truth()); // a cohort simulated with another atlas (or resolution) cannot be scored
                try (Volume<?> v = Volumes.open(b.autofluorescence(), ReadOptions.defaults()).withOrientation(b.orientation())) {
                    out.printf(Locale.ROOT, "brain:      %s: %s%n", b.id(), truth.sample());
                    out.flush();
                    Optional<CsvTable> cells = b.countRegions().isEmpty() ? Optional.empty()
                            : b.cells().map(CsvTable::read).filter(t -> t.size() > 0);
                    RegistrationOutcome builtin = Registration.register(a, v, Registration.Settings.defaults(threads), progress);
                    report(out, "builtin", builtin, TransformDistance.between(a, builtin.transform(), truth));
                    reportCounts(out, a, b, cells, builtin, progress);
                    if (elastix.isPresent()) {
                        RegistrationOutcome e = ElastixRegistration.register(elastix.get(), a, v, elastixSettings, progress);
                        report(out, "elastix", e, TransformDistance.between(a, e.transform(), truth));
                        reportCounts(out, a, b, cells, e, progress);
                    }
                }
            }
            return 0;
        } finally {
            progress.done();
            AtomicFile.deleteRecursively(temp);
        }
    }

    private static void report(PrintWriter out, String name, RegistrationOutcome r, TransformDistance d) {
        TransformQuality q = r.transform().quality();
        out.printf(Locale.ROOT, "%-11s %.1f s; NCC %.4f before, %.4f affine, %.4f after; error vs truth mean %.1f, median %.1f, max %.1f µm "
                + "(%d atlas-brain voxels); Jacobian %.3f..%.3f, %d folded nodes%n", name + ":", r.seconds(), r.nccBefore(), r.nccLinear(),
                r.nccNonRigid(), d.meanUm(), d.medianUm(), d.maxUm(), d.voxels(), q.minJacobianDeterminant(), q.maxJacobianDeterminant(),
                q.foldedNodes());
        out.flush();
    }

    /**
     * The registration's share of count errors: the brain's true cells mapped with the estimated transform, counted
     * per region against their true regions.
     */
    private static void reportCounts(PrintWriter out, Atlas atlas, Brain b, Optional<CsvTable> cells, RegistrationOutcome r, Progress progress) {
        if (cells.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("            true cells mapped, count vs truth (median position error):");
        for (RegionCountAccuracy c : RegionCountAccuracy.measure(atlas, r.transform(), b.truth(), cells.get(), b.countRegions(), progress)) {
            line.append(String.format(Locale.ROOT, " %s %+.1f %% (%d of %d, %.0f µm);", c.acronym(), 100 * c.relativeError(), c.mappedCount(),
                    c.trueCount(), c.medianErrorUm()));
        }
        line.setLength(line.length() - 1);
        out.println(line);
        out.flush();
    }

    /** The scenario's regions with cell effects: where a treatment changes counts, so where their accuracy matters. */
    private static List<String> countRegions(Scenario scenario) {
        return scenario.regions().stream().filter(e -> !e.cellEffects().isEmpty()).map(Scenario.RegionEntry::acronym).toList();
    }

    private Brain simulate(PrintWriter out, Path folder) throws IOException {
        Orientation o = Orientation.parse(orientation, "--orientation");
        SimulationSettings s = new SimulationSettings(atlas, atlasOptions.resolution(), "ketamine", 1, new VoxelSize(voxelUm, voxelUm, voxelUm), o, seed, "", 1,
                false, threads);
        out.printf(Locale.ROOT, "simulating: a whole control brain of %s at %s µm, %s, seed %d (cells, no fibres)%n", atlas, voxelUm, o.code(), seed);
        out.flush();
        ConsoleProgress progress = ConsoleProgress.stderr("simulate", quiet);
        CohortSimulator.Cohort c;
        try {
            c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), folder, progress);
        } finally {
            progress.done();
        }
        Path brain = c.folder().resolve(c.brains().get(0).sampleId());
        return new Brain(c.brains().get(0).sampleId(), brain.resolve(SampleSheet.AUTOFLUORESCENCE), o, brain.resolve(CohortSimulator.TRANSFORM),
                Optional.of(brain.resolve(CohortSimulator.CELLS)), countRegions(Scenario.load("ketamine")));
    }

    private List<Brain> fromCohort(Path folder, int n) {
        Path sheet = folder.resolve("samples.csv");
        if (!Files.isRegularFile(sheet)) {
            throw InputException.parameter("--cohort", folder + " holds no samples.csv", "Give the folder `neuroatlas simulate --out` wrote");
        }
        Path scenarioFile = folder.resolve(CohortSimulator.SCENARIO_JSON);
        List<String> regions = Files.isRegularFile(scenarioFile) ? countRegions(Scenario.load(scenarioFile.toString())) : List.of();
        List<Brain> out = new ArrayList<>();
        for (Sample s : SampleSheet.read(sheet).samples()) {
            if (out.size() == n) {
                break;
            }
            Path auto = s.channels().get(SampleSheet.AUTOFLUORESCENCE);
            if (auto == null) {
                throw InputException.file(sheet, "has no autofluorescence_path column", "Give a simulated cohort's samples.csv");
            }
            Path truth = auto.getParent().resolve(CohortSimulator.TRANSFORM);
            if (!Files.isDirectory(truth)) {
                throw InputException.file(truth, "does not exist: the benchmark needs each brain's true transform", "Give a simulated cohort");
            }
            Orientation o = s.orientation().orElse(Orientation.parse(orientation, "--orientation"));
            Path cells = auto.getParent().resolve(CohortSimulator.CELLS);
            out.add(new Brain(s.sampleId(), auto, o, truth, Files.isRegularFile(cells) ? Optional.of(cells) : Optional.empty(), regions));
        }
        return out;
    }

    private static int[] parseIterations(String text) {
        String[] p = text.split(",");
        try {
            if (p.length == 2) {
                int a = Integer.parseInt(p[0].trim()), b = Integer.parseInt(p[1].trim());
                if (a >= 1 && b >= 0) {
                    return new int[] {a, b};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InputException.parameter("--elastix-iterations", "must be two counts AFFINE,BSPLINE (affine ≥ 1, B-spline ≥ 0), not " + text,
                "For example 300,300");
    }
}
