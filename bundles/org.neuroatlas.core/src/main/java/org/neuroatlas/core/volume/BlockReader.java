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
}
