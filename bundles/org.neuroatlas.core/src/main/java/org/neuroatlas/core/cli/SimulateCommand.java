package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neuroatlas simulate}: a synthetic cohort with ground truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a cohort of cleared mouse brains with known answers: per brain a TH-like signal channel (somata, fibres, "
                + "background, shading, camera noise) and an autofluorescence channel as TIFF plane series, each brain in its own pose "
                + "and warp; the true cells, per-region counts and fibre fractions, and the true sample->atlas transform; and a sample "
                + "sheet (samples.csv) for the Volume Reader node and the other commands.",
            "Whole brains at 5 um are about 22 GB per channel; use --crop for small tests."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--atlas", defaultValue = "demo", paramLabel = "DIR|demo", description = "Atlas folder, or demo (default: ${DEFAULT-VALUE}).")
    String atlas;

    @Mixin
    AtlasOptions atlasOptions;

    @Option(names = "--scenario", defaultValue = "ketamine", paramLabel = "NAME|FILE",
            description = "Built-in scenario (ketamine, null) or a scenario JSON file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--n-per-group", defaultValue = "6", paramLabel = "N", description = "Brains per group (default: ${DEFAULT-VALUE}).")
    int nPerGroup;

    @Option(names = "--voxel-size", defaultValue = "5,5,5", paramLabel = "X,Y,Z", description = "Voxel size in µm (default: ${DEFAULT-VALUE}).")
    String voxelSize;

    @Option(names = "--orientation", defaultValue = SimulationSettings.DEFAULT_ORIENTATION, paramLabel = "CODE",
            description = "Orientation code of the written volumes, BrainGlobe letters (default: ${DEFAULT-VALUE}).")
    String orientation;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed; the same seed gives identical files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--crop", paramLabel = "ACRONYMS|box:..", description = "Image only part of each brain: region acronyms (VTA,SNc) or "
            + "box:AP0,DV0,LR0,AP1,DV1,LR1 in atlas µm. Cells are still placed in the whole brain.")
    String crop;

    @Option(names = "--cells-scale", defaultValue = "1", paramLabel = "F", description = "Multiply every cell density (default: ${DEFAULT-VALUE}).")
    double cellsScale;

    @Option(names = "--no-fibres", description = "Draw no fibres (faster).")
    boolean noFibres;

    @Option(names = "--threads", paramLabel = "N", description = "Planes rendered in parallel (default: all cores); does not change the output.")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (new, empty, or an earlier cohort, which is replaced).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SimulationSettings settings = new SimulationSettings(atlas, atlasOptions.resolution(), scenario, nPerGroup,
                VoxelSize.parse(voxelSize, "--voxel-size"), Orientation.parse(orientation, "--orientation"), seed, crop, cellsScale, !noFibres,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        ConsoleProgress progress = ConsoleProgress.stderr("simulate", quiet);
        long start = System.nanoTime();
        CohortSimulator.Cohort cohort = CohortSimulator.run(settings, out, progress);
        progress.done();
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        long bytes = 0;
        for (CohortSimulator.BrainSummary b : cohort.brains()) {
            long[] d = b.dimensions();
            w.printf(Locale.ROOT, "%-16s %-14s %7d cells (%d in image, %d crowded)  %dx%dx%d voxels  %.1f s%n", b.sampleId(), b.group(), b.cells(),
                    b.cellsInImage(), b.crowdedCells(), d[0], d[1], d[2], b.seconds());
            bytes += b.bytesWritten();
        }
        w.printf(Locale.ROOT, "wrote %s (%s): %.2f GB of images in %.1f s (%.0f MB/s)%n", out.resolve(CohortSimulator.SAMPLE_SHEET), cohort.brains().size()
                + " brains", bytes / 1e9, seconds, bytes / 1e6 / seconds);
        w.flush();
        return 0;
    }
}
