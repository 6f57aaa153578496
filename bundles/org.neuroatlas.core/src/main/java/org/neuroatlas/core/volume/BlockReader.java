package org.neuroatlas.core.volume;

import java.io.IOException;

/**
 * Reads one box of voxels from a file: the format-specific half of a lazily opened volume. Must be safe to call
 * from several threads at once.
 */
@FunctionalInterface
public interface BlockReader {

    /**
     * Reads the box starting at voxel {@code min} (x, y, z) of size {@code size}.
     *
     * @return a primitive array of the volume's {@link PixelType} with {@code size[0]*size[1]*size[2]} voxels,
     *         x fastest, then y, then z
     */
    Object read(long[] min, int[] size) throws IOException;

    /**
     * Reads the box into {@code dest} (a primitive array of the volume's type holding at least the box's voxels,
     * x fastest). Readers that can decode straight into the caller's array override this to avoid an allocation
     * and a copy per box: the streaming path ({@link PlaneStream}) reads every plane this way.
     */
    default void readInto(long[] min, int[] size, Object dest) throws IOException {
        Object a = read(min, size);
        System.arraycopy(a, 0, dest, 0, size[0] * size[1] * size[2]);
    }
}
