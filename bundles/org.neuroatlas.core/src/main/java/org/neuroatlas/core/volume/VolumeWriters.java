package org.neuroatlas.core.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.nrrd.NrrdWriter;
import org.neuroatlas.core.volume.tiff.TiffWriter;

/**
 * Writes a volume in the format its output path names: {@code .nrrd} → gzip NRRD, {@code .tif}/{@code .tiff} →
 * multi-page TIFF (BigTIFF above 4 GB), anything else → a folder with one TIFF per plane. Every writer streams plane
 * by plane and is atomic (temporary file, then move).
 */
public final class VolumeWriters {

    private VolumeWriters() {
    }

    /** The format {@link #write} will use for {@code out}: nrrd, tiff or tiff-series. */
    public static String formatFor(Path out) {
        String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".nrrd")) {
            return "nrrd";
        }
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return "tiff";
        }
        if (n.endsWith(".nhdr") || n.endsWith(".h5") || n.endsWith(".xml") || n.endsWith(".ims")) {
            throw InputException.file(out, "NeuroAtlas does not write this format",
                    "Write .nrrd, .tif/.tiff, or a folder name (no extension) for one TIFF per plane");
        }
        return "tiff-series";
    }

    public static void write(Volume<?> volume, Path out, Progress progress) throws IOException {
        switch (formatFor(out)) {
            case "nrrd" -> NrrdWriter.write(volume, out, NrrdWriter.Options.defaults(), progress);
            case "tiff" -> TiffWriter.writeStack(volume, out, progress);
            default -> writeTiffSeries(volume, out, progress);
        }
    }

    /** A folder of single-plane TIFFs named after the folder, e.g. {@code planes/planes_00000.tif}. */
    public static void writeTiffSeries(Volume<?> volume, Path folder, Progress progress) throws IOException {
        if (Files.isRegularFile(folder)) {
            throw InputException.file(folder, "is a file, not a folder", "Give a folder name for a plane series");
        }
        TiffWriter.writeSeries(volume, folder, folder.getFileName().toString(), progress);
    }
}
