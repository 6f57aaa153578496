package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.detect.Detection;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.run.DetectionOptions;
import org.neuroatlas.core.detect.run.DetectionRun;
import org.neuroatlas.core.detect.CellTable;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.detect.score.InteriorScoring;
import org.neuroatlas.core.detect.score.Score;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
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
 * {@code neuroatlas benchmark detect}: our detector and scikit-image's {@code blob_dog} (the motivating study's
 * method, on its 1000 × 1000 × 250 blocks) on the same volume in one run: Mvoxel/s, peak memory, cells, and
 * precision / recall / F1 against the true cells. With {@code --synthetic-gb} it detects in a lazily computed
 * volume of that size instead, to show that the heap does not grow with the volume. Not a test: it prints figures.
 */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cell detection speed, memory and accuracy: NeuroAtlas next to scikit-image's blob_dog (1000 × 1000 × 250 blocks, as "
                + "in the ketamine study) on the same volume, scored against the true cells.",
            "Default volume: a simulated VTA region of the demo atlas (made in a temporary folder, deleted afterwards). blob_dog needs "
                    + "Python 3 with scikit-image and tifffile (" + BlobDogReference.INSTALL + "); without them only NeuroAtlas is measured.",
            "Bounded memory: NEUROATLAS_JAVA_OPTS=-Xmx1g ./neuroatlas benchmark detect --synthetic-gb 4"})
final class DetectBenchmark implements Callable<Integer> {

    /** A simulated brain's folder holds its signal channel and true cells under these names. */
    static final String SIGNAL = "signal";

    @Option(names = "--volume", paramLabel = "PATH", description = "An existing volume (a folder of TIFF planes for blob_dog), or a simulated "
            + "brain's folder holding signal/ and cells.csv (default: simulate one).")
    Path volumePath;

    @Option(names = "--simulate", description = "Simulate the volume (the default without --volume or --synthetic-gb).")
    boolean simulate;

    @Option(names = "--crop", defaultValue = "VTA", paramLabel = "ACRONYMS|box:..",
            description = "What --simulate images of a control brain of the demo atlas, at 5 µm (default: ${DEFAULT-VALUE}).")
    String crop;

    @Option(names = "--synthetic-gb", paramLabel = "GB", description = "Detect in a lazily computed uint16 volume of this many GB (soma-like "
            + "blobs on a noisy background, never held in memory) instead, and score against the planted blobs; blob_dog is not run.")
    Double syntheticGb;

    @Option(names = "--plane", defaultValue = "2048", paramLabel = "N",
            description = "With --synthetic-gb: planes of N × N voxels (default: ${DEFAULT-VALUE}).")
    int plane;

    @Option(names = "--truth", paramLabel = "CSV", description = "True cells (x_um,y_um,z_um) to score against (default: the simulated "
            + "brain's cells.csv).")
    Path truth;

    @Option(names = "--radius-um", paramLabel = "R", description = "Largest distance of a match, µm (default: half the cell diameter, "
            + "7.5 µm as in `score`).")
    Double radiusUm;

    @Mixin
    VolumeOptions volume;

    @Mixin
    DetectOptions detect;

    @Option(names = "--blob-dog-threshold", defaultValue = "0.02", paramLabel = "T", description = "blob_dog's absolute threshold on the "
            + "image scaled to [0, 1] by its maximum (default: ${DEFAULT-VALUE}, the best F1 of 0.005 to 0.04 on the simulated VTA crop).")
    double blobDogThreshold;

    @Option(names = "--blob-dog-block", defaultValue = "1000,1000,250", paramLabel = "X,Y,Z",
            description = "Blocks blob_dog processes independently, voxels (default: ${DEFAULT-VALUE}, the study's).")
    String blobDogBlock;

    @Option(names = "--python", paramLabel = "CMD", description = "Python interpreter with scikit-image and tifffile (default: python3, then "
            + "/usr/bin/python3).")
    String python;

    @Option(names = "--no-blob-dog", description = "Measure NeuroAtlas only.")
    boolean noBlobDog;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** A whole brain at the study's resolution, for the projected time. */
    static final double WHOLE_BRAIN_VOXELS = 25e9;

    @Override
    public Integer call() throws Exception {
        DetectionSettings settings = detect.settings();
        double radius = radiusUm != null ? radiusUm : settings.cellDiameterUm() / 2;
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw InputException.parameter("--radius-um", "must be a positive number of µm, not " + radius, "For example 7.5");
        }
        int[] block = parseBlock(blobDogBlock);
        if ((volumePath != null ? 1 : 0) + (syntheticGb != null ? 1 : 0) + (simulate ? 1 : 0) > 1) {
            throw InputException.parameter("--volume", "--volume, --simulate and --synthetic-gb exclude each other", "Give one of them");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path temp = Files.createTempDirectory("neuroatlas-bench-detect-");
        try {
            if (syntheticGb != null) {
                synthetic(out, settings, radius);
                return 0;
            }
            Path signal;
            Path truthCsv = truth;
            if (volumePath == null) {
                Path brain = simulateBrain(out, temp.resolve("cohort"), settings.threads());
                signal = brain.resolve(SIGNAL);
                truthCsv = truthCsv != null ? truthCsv : brain.resolve(CohortSimulator.CELLS);
            } else if (Files.isDirectory(volumePath.resolve(SIGNAL))) {
                signal = volumePath.resolve(SIGNAL);
                Path cells = volumePath.resolve(CohortSimulator.CELLS);
                truthCsv = truthCsv != null ? truthCsv : Files.isRegularFile(cells) ? cells : null;
            } else {
                signal = volumePath;
            }
            CellPositions truthTable = truthCsv == null ? null : CellPositions.read(truthCsv);
            InteriorScoring trueCells = null;
            ReadOptions options = volume.toReadOptions();
            VoxelSize voxel;
            double ours;
            Score ourScore;
            try (Volume<?> v = Volumes.open(signal, options)) {
                voxel = v.voxelSizeUm();
                trueCells = truthTable == null ? null : InteriorScoring.of(v, truthTable, radius);
                describe(out, v, signal, truthTable == null ? "no true cells given (--truth): accuracy not measured"
                        : truthTable.size() + " true cells (" + truthCsv + "); scored " + radius + " µm or more inside the image, where every"
                                + " visible cell's centre is in the image: " + trueCells.truth().size() + " true cells");
                Measured m = measure(v, signal, settings);
                ours = m.result.detection().megavoxelsPerSecond();
                ourScore = report(out, "NeuroAtlas", m, trueCells, radius);
            }
            blobDog(out, signal, voxel, settings.cellDiameterUm(), block, trueCells, radius, temp, ours, ourScore);
            return 0;
        } finally {
            AtomicFile.deleteRecursively(temp);
        }
    }

    private record Measured(DetectionRun.Result result, long peakHeapBytes, long liveHeapBytes) {
    }

    private Measured measure(Volume<?> v, Path path, DetectionSettings settings) {
        HeapPeaks.reset();
        ConsoleProgress progress = ConsoleProgress.stderr("detect", quiet);
        DetectionRun.Result r;
        try {
            r = DetectionRun.run(DetectCommand.stem(path), path, v, settings, progress);
        } finally {
            progress.done();
        }
        return new Measured(r, HeapPeaks.bytes(), HeapPeaks.liveBytes());
    }

    private static void describe(PrintWriter out, Volume<?> v, Object where, String truthNote) {
        long[] d = v.dimensions();
        out.printf(Locale.ROOT, "volume:     %s: %d × %d × %d voxels (%.1f M, %.2f GB) at %s µm, %s%n", where, d[0], d[1], d[2], v.numVoxels() / 1e6,
                v.bytes() / 1e9, v.voxelSizeUm(), v.pixelType());
        out.printf(Locale.ROOT, "truth:      %s%n", truthNote);
        out.printf(Locale.ROOT, "heap:       max %d MB; %d cores%n", Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        out.flush();
    }

    /** Prints our figures; returns the score (null without truth). */
    private static Score report(PrintWriter out, String name, Measured m, InteriorScoring trueCells, double radius) {
        Detection d = m.result.detection();
        DetectionSettings s = m.result.settings();
        out.printf(Locale.ROOT, "%-11s %d cells in %.1f s = %.2f Mvoxel/s (%d threads, chunks %s); heap: at most %d MB in use after a collection,"
                + " pools' peaks sum to %d MB%n", name + ":", d.cells().size(), d.seconds(), d.megavoxelsPerSecond(), d.workers(),
                DetectionOptions.format(d.chunkVoxels()), m.liveHeapBytes >> 20, m.peakHeapBytes >> 20);
        out.printf(Locale.ROOT, "            threshold %.4g (%s); a whole brain of 25 G voxels would take %.0f min at this speed%n", d.threshold(),
                s.threshold(), WHOLE_BRAIN_VOXELS / (d.megavoxelsPerSecond() * 1e6) / 60);
        Score score = null;
        if (trueCells != null) {
            score = trueCells.score(CellTable.positionsUm(m.result.detection(), m.result.voxelSizeUm()));
            printScore(out, score, radius);
        }
        out.flush();
        return score;
    }

    private static void printScore(PrintWriter out, Score s, double radius) {
        out.printf(Locale.ROOT, "            vs truth (within %s µm): precision %.4f, recall %.4f, F1 %.4f (%d matched, %d false positives, %d missed)%n",
                number(radius), s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives());
    }

    private void blobDog(PrintWriter out, Path signal, VoxelSize voxel, double diameter, int[] block, InteriorScoring trueCells, double radius, Path temp,
            double ours, Score ourScore) throws InterruptedException {
        if (noBlobDog) {
            out.println("blob_dog:   not run (--no-blob-dog)");
            out.flush();
            return;
        }
        if (!Files.isDirectory(signal)) {
            out.println("blob_dog:   not run: the reference script reads folders of TIFF planes only (convert the volume with "
                    + "`./neuroatlas convert IN FOLDER`)");
            out.flush();
            return;
        }
        BlobDogReference.Found found = BlobDogReference.find(python);
        if (found.python() == null) {
            out.println("blob_dog:   not run: " + found.problem());
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "blob_dog:   %s, blocks %s, threshold %s; running…%n", BlobDogReference.describe(found.python()), blobDogBlock,
                number(blobDogThreshold));
        out.flush();
        BlobDogReference.Run run;
        try {
            run = BlobDogReference.run(found.python(), signal, voxel, diameter, blobDogThreshold, block, temp);
        } catch (IOException e) {
            out.println("blob_dog:   failed: " + e.getMessage());
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "            %d cells in %.1f s = %.2f Mvoxel/s (blob_dog alone; the whole process, reading the TIFFs included, "
                + "took %.1f s); peak memory %s%n", run.cells(), run.detectionSeconds(), run.megavoxelsPerSecond(), run.wallSeconds(),
                run.peakResidentBytes() < 0 ? "unknown" : (run.peakResidentBytes() >> 20) + " MB (resident, whole process)");
        Score theirs = null;
        if (trueCells != null) {
            theirs = trueCells.score(CellPositions.read(run.csv()));
            printScore(out, theirs, radius);
        }
        out.printf(Locale.ROOT, "ratio:      NeuroAtlas / blob_dog = %.2f× the Mvoxel/s%s%n", ours / run.megavoxelsPerSecond(),
                theirs == null ? "" : String.format(Locale.ROOT, "; F1 %.4f vs %.4f", ourScore.f1(), theirs.f1()));
        out.flush();
    }

    private Path simulateBrain(PrintWriter out, Path folder, int threads) throws IOException {
        SimulationSettings s = new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", 1, SimulationSettings.DEFAULT_VOXEL_SIZE_UM,
                Orientation.parse(SimulationSettings.DEFAULT_ORIENTATION, "orientation"), SimulationSettings.DEFAULT_SEED, crop, 1, true, threads);
        out.printf(Locale.ROOT, "simulating: a control brain of the demo atlas at %s µm, crop %s (ketamine scenario, fibres on)%n", s.voxelSizeUm(), crop);
        out.flush();
        ConsoleProgress progress = ConsoleProgress.stderr("simulate", quiet);
        CohortSimulator.Cohort c;
        try {
            c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), folder, progress);
        } finally {
            progress.done();
        }
        return c.folder().resolve(c.brains().get(0).sampleId());
    }

    private void synthetic(PrintWriter out, DetectionSettings settings, double radius) {
        if (!(syntheticGb > 0) || syntheticGb > 1e5) {
            throw InputException.parameter("--synthetic-gb", "must be a positive number of GB, not " + syntheticGb, "For example 4");
        }
        if (plane < 64 || plane > 65536) {
            throw InputException.parameter("--plane", "must be between 64 and 65536 voxels, not " + plane, "For example 2048");
        }
        VoxelSize voxel = volume.voxelSize == null ? SimulationSettings.DEFAULT_VOXEL_SIZE_UM : VoxelSize.parse(volume.voxelSize, "--voxel-size");
        SyntheticVolume.Blobs blobs = SyntheticVolume.Blobs.ofSize(syntheticGb, plane, voxel);
        double[][] planted = blobs.centresUm();
        CellPositions trueCells = truth != null ? CellPositions.read(truth) : CellPositions.of(planted[0], planted[1], planted[2]);
        Volume<?> v = blobs.volume();
        describe(out, v, "synthetic (computed block by block, never held)", trueCells.size() + (truth != null ? " true cells (" + truth + ")"
                : " planted blobs (σ " + number(SyntheticVolume.Blobs.SIGMA_UM) + " µm, " + number(SyntheticVolume.Blobs.SPACING_UM) + " µm apart)"));
        // The planted positions are not needed during the detection: only the score reads them afterwards.
        planted = null;
        Measured m = measure(v, Path.of(v.name()), settings);
        report(out, "NeuroAtlas", m, InteriorScoring.of(v, trueCells, radius), radius);
        out.printf(Locale.ROOT, "heap bar:   completed in a %d MB heap (at most %d MB live after a collection) on a %.2f GB volume, %.1f× the heap%n",
                Runtime.getRuntime().maxMemory() >> 20, m.liveHeapBytes >> 20, v.bytes() / 1e9, (double) v.bytes() / Runtime.getRuntime().maxMemory());
        out.println("blob_dog:   not run (a synthetic volume exists only in memory; use --volume or --simulate)");
        out.flush();
    }

    private static int[] parseBlock(String text) {
        String[] p = text.trim().split("\\s*,\\s*");
        try {
            if (p.length == 3) {
                int[] b = {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
                if (b[0] > 0 && b[1] > 0 && b[2] > 0) {
                    return b;
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the user-facing message
        }
        throw InputException.parameter("--blob-dog-block", "'" + text + "' is not a block size", "Give three positive whole numbers X,Y,Z, e.g. 1000,1000,250");
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
