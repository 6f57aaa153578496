package org.neuroatlas.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.detect.CellTable;
import org.neuroatlas.core.detect.Detection;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.run.DetectionOptions;
import org.neuroatlas.core.detect.run.DetectionRun;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.volume.ReadOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neuroatlas detect INPUT --out cells.csv}: cell bodies in a volume, one CSV row per cell. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect cell bodies (3D blobs about one cell diameter across) in a volume and write one row per cell: centre in µm "
                + "and in voxels, peak and mean intensity, local background, volume in voxels and score.",
            "The volume is read lazily in chunks on several threads, in bounded memory; the table is identical for any --threads and "
                    + "--chunk-voxels. Columns: " + "x_um,y_um,z_um,x_vox,y_vox,z_vox,peak,mean,background,volume_vox,score "
                    + "(x_um = x_vox × voxel x; voxel centres at integer indices), rows by seed plane, row, column."})
final class DetectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "Volume: a TIFF file, a folder of TIFF planes, a .nrrd/.nhdr, a BigDataViewer "
            + ".xml/.h5 or an Imaris .ims.")
    Path input;

    @Mixin
    VolumeOptions volume;

    @Mixin
    DetectOptions detect;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "Cells table to write; appears complete or not at all "
            + "(an existing file is replaced only on success).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Everything the user typed is checked before the (possibly hours-long) detection starts.
        DetectionSettings settings = detect.settings();
        ReadOptions options = volume.toReadOptions();
        if (Files.isDirectory(out)) {
            throw InputException.parameter("--out", out + " is a folder", "Give the path of the CSV file to write, e.g. " + out.resolve("cells.csv"));
        }
        DetectionRun.Result result;
        try (CsvTableWriter writer = open(out)) {
            ConsoleProgress progress = ConsoleProgress.stderr("detect", quiet);
            try {
                result = DetectionRun.run(stem(input), input, options, settings, progress);
            } finally {
                progress.done();
            }
            try {
                for (Object[] row : CellTable.rows(result.detection(), result.voxelSizeUm())) {
                    writer.add(row);
                }
                writer.commit();
            } catch (IOException e) {
                throw InputException.file(out, "could not be written (" + e + ")", "Check the free space and that the folder is writable", e);
            }
        }
        print(spec.commandLine().getOut(), result, out);
        return 0;
    }

    /** Opens the output first, so that an unwritable folder fails before the detection rather than after it. */
    private static CsvTableWriter open(Path out) {
        try {
            return new CsvTableWriter(out, CellTable.SCHEMA);
        } catch (IOException e) {
            throw InputException.file(out, "cannot be written (" + e + ")", "Check that the folder can be created and is writable", e);
        }
    }

    /** The short summary after a detection: cells, volume, threshold, speed. */
    static void print(PrintWriter w, DetectionRun.Result r, Path out) {
        Detection d = r.detection();
        long[] dims = r.dimensions();
        DetectionSettings s = r.settings();
        w.printf(Locale.ROOT, "cells:      %d in %s (%d × %d × %d voxels at %s µm)%n", d.cells().size(), r.path(), dims[0], dims[1], dims[2],
                r.voxelSizeUm());
        if (s.threshold().auto()) {
            w.printf(Locale.ROOT, "threshold:  %.4g (%s: median %.4g + %s × 1.4826 × MAD %.4g of the band-passed image)%n", d.threshold(),
                    s.threshold(), d.noiseMedian(), number(s.threshold().value()), d.noiseMad());
        } else {
            w.printf(Locale.ROOT, "threshold:  %.4g (absolute)%n", d.threshold());
        }
        w.printf(Locale.ROOT, "speed:      %.1f M voxels in %.1f s = %.2f Mvoxel/s (%d threads, chunks %s voxels)%n", d.voxelsProcessed() / 1e6,
                d.seconds(), d.megavoxelsPerSecond(), d.workers(), DetectionOptions.format(d.chunkVoxels()));
        if (out != null) {
            w.printf(Locale.ROOT, "wrote %s%n", out);
        }
        w.flush();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The file or folder name without extension (the summary's sample id). */
    static String stem(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        String n = name == null ? p.toString() : name.toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
