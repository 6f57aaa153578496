package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.density.fibre.AxonDensityRun;
import org.neuroatlas.core.density.fibre.AxonDensityTable;
import org.neuroatlas.core.density.fibre.FibreCounts;
import org.neuroatlas.core.density.fibre.FibreSettings;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neuroatlas axons INPUT --registration REGDIR --atlas DIR --out axon_density.csv}: fibre density per region. */
@Command(name = "axons", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segment fibres (axons) in a full-resolution volume with a multi-scale Hessian ridge filter, leave out cell bodies, carry "
                + "every voxel through the sample's transform to its atlas region, and write the fibre fraction per region x hemisphere "
                + "(left, right, both; regions with their descendants).",
            "Chunked, multi-threaded, bounded memory; the table is identical for any --threads and --chunk-voxels and appears complete or not at all."})
final class AxonsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "Signal volume (any format info reads), full resolution.")
    Path input;

    @Mixin
    VolumeOptions volume;

    @Option(names = "--registration", required = true, paramLabel = "REGDIR",
            description = "Registration folder holding transform/ (or the transform folder itself; a simulated brain's folder works).")
    Path registration;

    @Option(names = "--atlas", required = true, paramLabel = "DIR|demo", description = "The atlas the sample was registered to.")
    String atlas;

    @Mixin
    AtlasOptions atlasOptions;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "Fibre density table to write.")
    Path out;

    @Option(names = "--sample-id", paramLabel = "ID", description = "Sample id in the table (default: the input's name without extension).")
    String sampleId;

    @Option(names = "--threshold", defaultValue = "auto", paramLabel = "auto|auto:K|VALUE",
            description = "Ridge threshold: auto = K x the voxel noise σ (1.4826 x MAD of (voxel − mean of its 4 in-plane neighbours) / √1.25 over a fixed sample of the volume), K = 1; "
                    + "auto:K, or an absolute value in intensity units (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Mixin
    FibreOptions fibre;

    @Option(names = "--cell-diameter-um", defaultValue = "15", paramLabel = "UM", description = "Soma diameter for the soma exclusion, µm (default: ${DEFAULT-VALUE}).")
    double cellDiameterUm;

    @Option(names = "--cells", paramLabel = "CSV", description = "Cells (x_um,y_um,z_um, optional diameter_um) whose balls are excluded as somata, "
            + "in addition to the automatic blob rule.")
    Path cells;

    @Option(names = "--threads", paramLabel = "N", description = "Chunks processed in parallel (default: all cores); does not change the output.")
    Integer threads;

    @Option(names = "--chunk-voxels", defaultValue = "128,128,64", paramLabel = "X,Y,Z",
            description = "Chunk size in voxels; about 60 bytes x (chunk + halo) voxels per thread. Does not change the output (default: ${DEFAULT-VALUE}).")
    String chunkVoxels;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FibreSettings settings = settings();
        if (Files.isDirectory(out)) {
            throw InputException.parameter("--out", out + " is a folder", "Give the path of the CSV file to write, e.g. " + out.resolve("axon_density.csv"));
        }
        Path transformFolder = MappingRun.transformFolder(registration, "--registration");
        AtlasTransform transform = MappingRun.loadTransform(transformFolder);
        AxonDensityRun.Cells excluded = cells == null ? null : AxonDensityRun.cells(CsvTable.read(cells));
        String id = sampleId != null ? sampleId.trim() : DetectCommand.stem(input);
        AxonDensityRun.Result result;
        Optional<String> concern;
        ConsoleProgress progress = ConsoleProgress.stderr("axons", quiet);
        try (Atlas a = atlasOptions.open(atlas, Progress.NONE); Volume<?> v = Volumes.open(input, volume.toReadOptions())) {
            RegionVolumes volumes = RegionVolumes.measure(a, progress.slice(0, 0.05));
            concern = settings.resolutionConcern(v.voxelSizeUm());
            result = AxonDensityRun.run(id, v, input, a, volumes, transform, transformFolder, excluded, settings, progress.slice(0.05, 1));
        } finally {
            progress.done();
        }
        concern.ifPresent(c -> spec.commandLine().getErr().println("warning: " + c));
        List<Object[]> rows = result.rows();
        try {
            CsvTableWriter.write(out, AxonDensityTable.SCHEMA, rows);
        } catch (IOException e) {
            throw InputException.file(out, "could not be written (" + e + ")", "Check the free space and that the folder is writable", e);
        }
        print(spec.commandLine().getOut(), id, result.atlasKey(), result.counts(), rows.size());
        return 0;
    }

    FibreSettings settings() {
        return fibre.settings("--threshold", threshold, cellDiameterUm, threads, chunkVoxels);
    }

    private void print(PrintWriter w, String id, String atlasKey, FibreCounts c, int rows) {
        w.printf(Locale.ROOT, "sample %s, atlas %s%n", id, atlasKey);
        w.printf(Locale.ROOT, "threshold:  %.4g (voxel noise σ %.4g; ridge median %.4g, MAD %.4g)%s%n", c.threshold(), c.noiseSigma(), c.ridgeMedian(), c.ridgeMad(),
                String.format(Locale.ROOT, ", soma threshold %.4g (hidden tissue %.4g)%s", c.somaThreshold(), c.somaHiddenThreshold(), cells != null ? " and --cells" : ""));
        w.printf(Locale.ROOT, "fibre:      %d voxels in the brain, %d outside; %d voxels inside somata (not observed)%n", c.fibreVoxelsInBrain(), c.fibreOutside(),
                c.somaVoxelsInBrain());
        w.printf(Locale.ROOT, "speed:      %.1f M voxels in %.1f s = %.2f Mvoxel/s%n", c.voxels() / 1e6, c.seconds(), c.megavoxelsPerSecond());
        w.printf(Locale.ROOT, "wrote %s (%d rows)%n", out, rows);
        w.flush();
    }
}
