package org.neuroatlas.core.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.hdf5.BdvFormat;
import org.neuroatlas.core.volume.hdf5.ImarisFormat;
import org.neuroatlas.core.volume.nrrd.NrrdFormat;
import org.neuroatlas.core.volume.tiff.TiffFormat;

/** Opens volumes of any supported format: the one entry point for readers. */
public final class Volumes {

    private static final List<VolumeFormat> FORMATS = List.of(new TiffFormat(), new NrrdFormat(), new BdvFormat(), new ImarisFormat());

    private Volumes() {
    }

    /** The supported formats, in the order they are tried. */
    public static List<VolumeFormat> formats() {
        return FORMATS;
    }

    /** The format that reads {@code path}. */
    public static VolumeFormat formatOf(Path path) {
        if (!Files.exists(path)) {
            throw InputException.file(path, "does not exist", "Check the path (relative paths are resolved against "
                    + Path.of("").toAbsolutePath() + ")");
        }
        for (VolumeFormat f : FORMATS) {
            if (f.canOpen(path)) {
                return f;
            }
        }
        throw InputException.file(path, "not a volume format NeuroAtlas reads",
                "Supported: " + FORMATS.stream().map(VolumeFormat::name).collect(Collectors.joining(", "))
                        + " (TIFF: .tif/.tiff or a folder of single-plane .tif files; NRRD: .nrrd/.nhdr; BigDataViewer: .xml + .h5;"
                        + " Imaris: .ims)");
    }

    /** Reads the header of {@code path}, applying the overrides in {@code options}. Touches no voxel. */
    public static VolumeHeader readHeader(Path path, ReadOptions options) {
        VolumeFormat format = formatOf(path);
        try {
            VolumeHeader h = format.readHeader(path, options);
            if (options.voxelSizeUm().isPresent()) {
                h = h.withVoxelSize(options.voxelSizeUm().get());
            }
            if (options.orientation().isPresent()) {
                h = h.withOrientation(options.orientation().get());
            }
            return h;
        } catch (IOException e) {
            throw InputException.file(path, "could not be read (" + e.getMessage() + ")",
                    "Check that the file is complete and readable", e);
        }
    }

    /**
     * Opens {@code path} lazily: reads the header now and voxels block by block when accessed.
     *
     * @throws InputException if the file is missing, unreadable or corrupt, or has no voxel size and none was given
     */
    public static Volume<?> open(Path path, ReadOptions options) {
        VolumeHeader h = readHeader(path, options);
        if (h.voxelSizeUm().isEmpty()) {
            throw InputException.file(path, "has no voxel size in its metadata",
                    "Give it as X,Y,Z in µm (column, row, plane): --voxel-size on the command line, voxel_um_x/y/z in a sample sheet, "
                            + "or the voxel size setting of the node");
        }
        try {
            return formatOf(path).open(path, options, h);
        } catch (IOException e) {
            throw InputException.file(path, "could not be opened (" + e.getMessage() + ")",
                    "Check that the file is complete and readable", e);
        }
    }

    /** Unwraps the I/O error of a failed block read into a user-facing error naming {@code path}. */
    public static InputException readError(Path path, UncheckedIOException e) {
        return InputException.file(path, "reading voxels failed (" + e.getCause().getMessage() + ")",
                "The file may be truncated or corrupt; check it, or re-export it", e);
    }
}
