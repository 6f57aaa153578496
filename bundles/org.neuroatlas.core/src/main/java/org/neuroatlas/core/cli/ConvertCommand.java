package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.VolumeConversion;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neuroatlas convert IN OUT}: format conversion, downsampling to a target voxel size, reorientation. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Convert a volume between formats, optionally downsampling it (area averaging, one streaming pass over the input) "
                + "and reorienting it, e.g. 2×2×4 µm light-sheet planes to a 25 µm volume in the atlas orientation.",
            "The output format follows OUT: .nrrd = gzip NRRD, .tif/.tiff = multi-page TIFF (BigTIFF above 4 GB), "
                    + "a name without extension = a folder with one TIFF per plane."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Input volume (any format `info` reads).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output: .nrrd, .tif/.tiff, or a folder name for a plane series.")
    Path out;

    @Mixin
    VolumeOptions volume;

    @Option(names = "--target-voxel-um", paramLabel = "UM|X,Y,Z", description = "Downsample to this voxel size in µm (one number = isotropic).")
    String targetVoxel;

    @Option(names = "--target-orientation", paramLabel = "CODE", defaultValue = "rsa",
            description = "Orientation to reorient to when --orientation is given (default: ${DEFAULT-VALUE}, the layout of the Allen CCF "
                    + "NRRD files: x anterior→posterior, y superior→inferior, z right→left; sagittal planes).")
    String targetOrientation;

    @Option(names = "--type", paramLabel = "TYPE", description = "Output voxel type: uint8, uint16, uint32 or float32 (default: the input's; values "
            + "are rounded and clamped).")
    String type;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<VoxelSize> target = Optional.ofNullable(targetVoxel).map(t -> VoxelSize.parse(t, "--target-voxel-um"));
        Optional<Orientation> orientation = Optional.ofNullable(volume.orientation == null ? null
                : Orientation.parse(targetOrientation, "--target-orientation"));
        Optional<PixelType> pixelType = Optional.empty();
        if (type != null) {
            try {
                pixelType = Optional.of(PixelType.parse(type));
            } catch (IllegalArgumentException e) {
                throw org.neuroatlas.core.InputException.parameter("--type", e.getMessage(), "Use uint8, uint16, uint32 or float32");
            }
        }
        ConsoleProgress progress = ConsoleProgress.stderr("convert", quiet);
        VolumeHeader h;
        try {
            h = new VolumeConversion(target, orientation, pixelType).run(in, volume.toReadOptions(), out, progress);
        } finally {
            progress.done();
        }
        long[] d = h.dimensions();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s (%s): %d × %d × %d %s, voxel size %s µm%s%n", out, h.format(), d[0], d[1], d[2], h.pixelType(),
                h.voxelSizeUm().orElseThrow(), h.orientation().map(x -> ", orientation " + x).orElse(""));
        o.flush();
        return 0;
    }
}
