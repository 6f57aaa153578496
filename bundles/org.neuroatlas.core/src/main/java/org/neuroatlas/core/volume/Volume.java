package org.neuroatlas.core.volume;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

/**
 * A 3D image with its physical voxel size: the unit every pipeline stage consumes. Axes: x = column, y = row,
 * z = plane; physical position of voxel (i, j, k) is (i·voxel_x, j·voxel_y, k·voxel_z) µm, voxel centres at
 * integer indices, origin at the first voxel's centre.
 * <p>
 * Voxels are usually a lazy view over a file (see {@link Volumes#open}); closing the volume releases file
 * handles and cached blocks. Derived volumes ({@link #withVoxels}) share the source's resources.
 *
 * @param <T> voxel type
 */
public final class Volume<T extends RealType<T> & NativeType<T>> implements AutoCloseable {

    private final RandomAccessibleInterval<T> voxels;
    private final VoxelSize voxelSizeUm;
    private final PixelType pixelType;
    private final String name;
    private final Orientation orientation;
    private final Map<String, String> metadata;
    private final AutoCloseable resources;

    private Volume(RandomAccessibleInterval<T> voxels, VoxelSize voxelSizeUm, PixelType pixelType, String name,
            Orientation orientation, Map<String, String> metadata, AutoCloseable resources) {
        if (voxels.numDimensions() != 3) {
            throw new IllegalArgumentException("a volume has 3 dimensions, not " + voxels.numDimensions());
        }
        this.voxels = voxels;
        this.voxelSizeUm = voxelSizeUm;
        this.pixelType = pixelType;
        this.name = name;
        this.orientation = orientation;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.resources = resources;
    }

    /**
     * A volume over in-memory or lazily loaded voxels.
     *
     * @param orientation may be null (unknown)
     * @param resources   closed with the volume; may be null
     */
    public static <T extends RealType<T> & NativeType<T>> Volume<T> of(RandomAccessibleInterval<T> voxels, VoxelSize voxelSizeUm,
            PixelType pixelType, String name, Orientation orientation, Map<String, String> metadata, AutoCloseable resources) {
        return new Volume<>(voxels, voxelSizeUm, pixelType, name, orientation, metadata, resources);
    }

    /** A volume over in-memory voxels, with no orientation and no metadata. */
    public static <T extends RealType<T> & NativeType<T>> Volume<T> of(RandomAccessibleInterval<T> voxels, VoxelSize voxelSizeUm,
            PixelType pixelType, String name) {
        return new Volume<>(voxels, voxelSizeUm, pixelType, name, null, Map.of(), null);
    }

    public RandomAccessibleInterval<T> voxels() {
        return voxels;
    }

    public VoxelSize voxelSizeUm() {
        return voxelSizeUm;
    }

    public PixelType pixelType() {
        return pixelType;
    }

    /** A short name for messages and tables (usually the file name). */
    public String name() {
        return name;
    }

    /** Where the voxels come from, for messages: the file or folder path if known, else the name. */
    public String source() {
        return metadata.getOrDefault("path", name);
    }

    public Optional<Orientation> orientation() {
        return Optional.ofNullable(orientation);
    }

    /** Format-specific facts from the file (format, path, compression, …), for display. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Size in voxels along x, y, z. */
    public long[] dimensions() {
        return voxels.dimensionsAsLongArray();
    }

    public long sizeX() {
        return voxels.dimension(0);
    }

    public long sizeY() {
        return voxels.dimension(1);
    }

    public long sizeZ() {
        return voxels.dimension(2);
    }

    public long numVoxels() {
        return sizeX() * sizeY() * sizeZ();
    }

    /** Uncompressed size of the voxels in bytes. */
    public long bytes() {
        return numVoxels() * pixelType.bytesPerVoxel();
    }

    public Volume<T> withVoxelSize(VoxelSize v) {
        return new Volume<>(voxels, v, pixelType, name, orientation, metadata, resources);
    }

    public Volume<T> withOrientation(Orientation o) {
        return new Volume<>(voxels, voxelSizeUm, pixelType, name, o, metadata, resources);
    }

    /** The same volume over other voxels (a view or a copy) of the same type, sharing this volume's resources. */
    public Volume<T> withVoxels(RandomAccessibleInterval<T> newVoxels, VoxelSize newVoxelSizeUm, Orientation newOrientation) {
        return new Volume<>(newVoxels, newVoxelSizeUm, pixelType, name, newOrientation, metadata, resources);
    }

    /**
     * This volume turned into {@code target} orientation, as a view (no copy).
     *
     * @throws IllegalStateException if this volume's orientation is unknown
     */
    public Volume<T> reorientedTo(Orientation target) {
        Orientation from = orientation().orElseThrow(() -> new IllegalStateException("orientation of " + name + " unknown"));
        AxisMapping m = from.mappingTo(target);
        return withVoxels(m.apply(voxels), m.mapVoxelSize(voxelSizeUm), target);
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close " + name, e);
            }
        }
    }

    @Override
    public String toString() {
        return name + " " + sizeX() + "×" + sizeY() + "×" + sizeZ() + " " + pixelType + " @ " + voxelSizeUm + " µm";
    }
}
