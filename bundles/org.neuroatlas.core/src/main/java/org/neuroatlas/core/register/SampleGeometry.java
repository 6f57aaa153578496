package org.neuroatlas.core.register;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The sample volume a transform belongs to: its size, voxel size and (if known) orientation. Sample space is this
 * volume's physical µm in its stored axes, so a transform is only meaningful for a volume with this geometry (a
 * downsampled copy has other voxel indices but the same µm, see {@link #sameExtent}).
 *
 * @param dimensions  size in voxels along x (column), y (row), z (plane); copied
 * @param voxelSizeUm voxel size, µm
 * @param orientation BrainGlobe orientation code of the stored axes; null if unknown
 */
public record SampleGeometry(long[] dimensions, VoxelSize voxelSizeUm, Orientation orientation) {

    public SampleGeometry {
        Objects.requireNonNull(voxelSizeUm, "voxel size");
        if (dimensions == null || dimensions.length != 3 || dimensions[0] < 1 || dimensions[1] < 1 || dimensions[2] < 1) {
            throw new IllegalArgumentException("sample dimensions must be 3 positive sizes: " + Arrays.toString(dimensions));
        }
        dimensions = dimensions.clone();
    }

    /** The geometry of {@code volume}. */
    public static SampleGeometry of(Volume<?> volume) {
        return new SampleGeometry(volume.dimensions(), volume.voxelSizeUm(), volume.orientation().orElse(null));
    }

    @Override
    public long[] dimensions() {
        return dimensions.clone();
    }

    public Optional<Orientation> orientationIfKnown() {
        return Optional.ofNullable(orientation);
    }

    /** Physical extent {@code (n − 1) · voxel} along axis {@code d}, µm: from the first to the last voxel centre. */
    public double extentUm(int d) {
        return (dimensions[d] - 1) * voxelSizeUm.um(d);
    }

    /**
     * True if {@code other} covers the same physical box within {@code toleranceUm} per axis, from the first to the
     * last voxel centre: the case of the same sample stored at another resolution.
     */
    public boolean sameExtent(SampleGeometry other, double toleranceUm) {
        for (int d = 0; d < 3; d++) {
            if (Math.abs(extentUm(d) - other.extentUm(d)) > toleranceUm) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleGeometry g && Arrays.equals(dimensions, g.dimensions) && voxelSizeUm.equals(g.voxelSizeUm)
                && Objects.equals(orientation, g.orientation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(dimensions), voxelSizeUm, orientation);
    }

    @Override
    public String toString() {
        return dimensions[0] + "×" + dimensions[1] + "×" + dimensions[2] + " @ " + voxelSizeUm + " µm"
                + (orientation == null ? "" : " " + orientation.code());
    }
}
