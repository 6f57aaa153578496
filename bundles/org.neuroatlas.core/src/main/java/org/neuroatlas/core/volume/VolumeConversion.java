package org.neuroatlas.core.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;

/**
 * Reads a volume, optionally downsamples it to a target voxel size (area averaging, one streaming pass) and
 * reorients it to a target orientation, converts the voxel type and writes it. Downsampled results are held in
 * memory (a 25 µm brain is ~100 MB); a plain format conversion streams plane by plane.
 *
 * @param targetVoxelUm     target voxel size, if downsampling
 * @param targetOrientation target orientation, if reorienting (the source's must then be known)
 * @param outputType        voxel type of the output; empty = the input's
 */
public record VolumeConversion(Optional<VoxelSize> targetVoxelUm, Optional<Orientation> targetOrientation, Optional<PixelType> outputType) {

    /** Runs the conversion of {@code in} (opened with {@code options}) into {@code out}; returns what was written. */
    public VolumeHeader run(Path in, ReadOptions options, Path out, Progress progress) throws IOException {
        try (Volume<?> source = Volumes.open(in, options)) {
            Volume<?> v = source;
            PixelType type = outputType.orElse(source.pixelType());
            if (targetOrientation.isPresent() && source.orientation().isEmpty()) {
                throw InputException.parameter("--orientation", "the orientation of " + in + " is unknown",
                        "Give it (e.g. --orientation psl) to reorient to " + targetOrientation.get());
            }
            boolean downsample = targetVoxelUm.isPresent();
            if (downsample) {
                Downsampler d = new Downsampler(source.dimensions(), source.voxelSizeUm(), targetVoxelUm.get());
                long[] dims = d.targetDimensions();
                long bytes = 4L * dims[0] * dims[1] * dims[2];
                if (bytes > Runtime.getRuntime().maxMemory() / 2) {
                    throw InputException.parameter("--target-voxel-um", "the downsampled volume (" + dims[0] + "×" + dims[1] + "×" + dims[2]
                            + " voxels) needs " + (bytes >> 20) + " MB, more than half the heap",
                            "Choose a larger target voxel size or give Java more memory (NEUROATLAS_JAVA_OPTS=-Xmx…)");
                }
                v = d.toMemory(source, progress.slice(0, 0.7));
            }
            if (targetOrientation.isPresent()) {
                v = v.reorientedTo(targetOrientation.get());
            }
            Volume<?> typed = PixelConversion.convert(v, type);
            VolumeWriters.write(typed, out, downsample ? progress.slice(0.7, 1) : progress);
            long[] d = typed.dimensions();
            return new VolumeHeader(out, VolumeWriters.formatFor(out), d, type, Optional.of(typed.voxelSizeUm()), typed.orientation(), 0,
                    java.util.Map.of());
        }
    }
}
