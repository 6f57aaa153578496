package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroatlas benchmark simulate}: one whole simulated brain (control group of the ketamine scenario, both
 * channels, fibres on) at the default voxel size, with throughput and peak heap. Not a test: it takes minutes and
 * tens of GB of disk, deleted afterwards unless {@code --keep}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate one whole brain (both channels, fibres) and print voxels/s, MB/s written and the peak heap.",
            "Run with a fixed heap to check bounded memory, e.g. NEUROATLAS_JAVA_OPTS=-Xmx1g ./neuroatlas benchmark simulate --out /big/disk/bench"})
final class SimulateBenchmark implements Callable<Integer> {

    @Option(names = "--atlas", defaultValue = "demo", paramLabel = "DIR|demo", description = "Atlas (default: ${DEFAULT-VALUE}).")
    String atlas;

    @Option(names = "--voxel-size", defaultValue = "5,5,5", paramLabel = "X,Y,Z", description = "Voxel size in µm (default: ${DEFAULT-VALUE}).")
    String voxelSize;

    @Option(names = "--threads", paramLabel = "N", description = "Rendering threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write (needs about 2 × 22 GB at 5 µm).")
    Path out;

    @Option(names = "--keep", description = "Keep the simulated brain instead of deleting it.")
    boolean keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        SimulationSettings settings = new SimulationSettings(atlas, OptionalDouble.empty(), "ketamine", 1, VoxelSize.parse(voxelSize, "--voxel-size"),
                Orientation.parse(SimulationSettings.DEFAULT_ORIENTATION, "orientation"), 1, "", 1, true, n);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "simulating one whole brain at %s µm with %d threads; max heap %d MB%n", settings.voxelSizeUm(), n,
                Runtime.getRuntime().maxMemory() >> 20);
        w.flush();
        HeapPeaks.reset();
        ConsoleProgress progress = ConsoleProgress.stderr("simulate", false);
        long start = System.nanoTime();
        CohortSimulator.Cohort cohort = CohortSimulator.run(settings, Scenario.load("ketamine").controlOnly(), out, progress);
        progress.done();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = HeapPeaks.bytes();
        CohortSimulator.BrainSummary b = cohort.brains().get(0);
        long[] d = b.dimensions();
        double voxels = (double) d[0] * d[1] * d[2];
        w.printf(Locale.ROOT, "brain:      %d x %d x %d voxels (%.2f G voxels), %d cells%n", d[0], d[1], d[2], voxels / 1e9, b.cells());
        w.printf(Locale.ROOT, "written:    %.2f GB (2 channels, uint16) in %.0f s%n", b.bytesWritten() / 1e9, seconds);
        w.printf(Locale.ROOT, "throughput: %.1f MB/s written, %.2f M voxels/s per channel%n", b.bytesWritten() / 1e6 / seconds, voxels / 1e6 / seconds);
        w.printf(Locale.ROOT, "peak heap:  %d MB (max heap %d MB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        w.flush();
        if (!keep && Files.isDirectory(out)) {
            AtomicFile.deleteRecursively(out);
        }
        return 0;
    }
}
