package org.neuroatlas.core.volume;

import java.io.IOException;
import java.nio.file.Path;

/** One file format that volumes can be read from. Implementations are stateless and thread-safe. */
public interface VolumeFormat {

    /** Short name, as shown by {@code info} and in volume tables. */
    String name();

    /** True if {@code path} looks like this format (by extension or folder contents; cheap, no full parse). */
    boolean canOpen(Path path);

    /**
     * Reads the header only.
     *
     * @throws org.neuroatlas.core.InputException if the file is not valid in this format (message names the file)
     */
    VolumeHeader readHeader(Path path, ReadOptions options) throws IOException;

    /**
     * Opens the voxels lazily: no voxel is read until accessed.
     *
     * @param header this format's header of {@code path}, with the voxel size resolved (present)
     */
    Volume<?> open(Path path, ReadOptions options, VolumeHeader header) throws IOException;
}
