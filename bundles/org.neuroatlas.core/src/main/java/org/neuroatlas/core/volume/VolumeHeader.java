package org.neuroatlas.core.volume;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a volume file says about itself, read without touching the voxels.
 *
 * @param path        the file or folder
 * @param format      format name, e.g. {@code tiff}, {@code tiff-series}, {@code nrrd}, {@code bdv-hdf5}, {@code imaris}
 * @param dimensions  size in voxels along x, y, z
 * @param pixelType   voxel type
 * @param voxelSizeUm voxel size from the metadata, if any
 * @param orientation orientation from the metadata, if any
 * @param fileBytes   bytes on disk (sum over files for a series)
 * @param details     further format facts for display (compression, BigTIFF, planes, …), in display order
 */
public record VolumeHeader(Path path, String format, long[] dimensions, PixelType pixelType, Optional<VoxelSize> voxelSizeUm,
        Optional<Orientation> orientation, long fileBytes, Map<String, String> details) {

    public VolumeHeader {
        dimensions = dimensions.clone();
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    @Override
    public long[] dimensions() {
        return dimensions.clone();
    }

    public long numVoxels() {
        return dimensions[0] * dimensions[1] * dimensions[2];
    }

    /** Uncompressed size of the voxels in bytes. */
    public long bytes() {
        return numVoxels() * pixelType.bytesPerVoxel();
    }

    public VolumeHeader withVoxelSize(VoxelSize v) {
        return new VolumeHeader(path, format, dimensions, pixelType, Optional.of(v), orientation, fileBytes, details);
    }

    public VolumeHeader withOrientation(Orientation o) {
        return new VolumeHeader(path, format, dimensions, pixelType, voxelSizeUm, Optional.of(o), fileBytes, details);
    }
}
