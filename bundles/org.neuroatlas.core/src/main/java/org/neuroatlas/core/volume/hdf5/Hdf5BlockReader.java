package org.neuroatlas.core.volume.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.BlockReader;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.VoxelBytes;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;

/**
 * Reads blocks of a 3-D HDF5 dataset stored z, y, x (x fastest) through jhdf's slice reading, which inflates only
 * the chunks a block overlaps. Blocks are whole multiples of the dataset's chunks, so no chunk is inflated twice for
 * neighbouring blocks.
 * <p>
 * jhdf does not document its objects as safe for concurrent use, so reads of one file are serialised on a lock
 * (the {@code HdfFile}): correctness first. Decoding the bytes into voxels happens outside the lock.
 */
final class Hdf5BlockReader implements BlockReader {

    /** Grow blocks from the chunk size up to at least this many bytes, so tiny chunks don't make tiny cache entries. */
    static final long MIN_BLOCK_BYTES = 1L << 20;

    /** Row bands of a contiguous dataset are about this large (a whole stitched plane can be hundreds of MB). */
    static final long CONTIGUOUS_BLOCK_BYTES = 2L << 20;

    private final Path file;
    private final DatasetBase dataset;
    private final PixelType type;
    private final ByteOrder order;
    private final Object lock;

    /**
     * @param file    the HDF5 file, for error messages
     * @param dataset the image dataset (z, y, x)
     * @param type    the pixel type it is read as (same width as the stored type)
     * @param lock    shared by all readers of the same file
     */
    Hdf5BlockReader(Path file, Dataset dataset, PixelType type, Object lock) {
        if (!(dataset instanceof DatasetBase base)) {
            throw new IllegalArgumentException("unexpected jhdf dataset class " + dataset.getClass());
        }
        this.file = file;
        this.dataset = base;
        this.type = type;
        this.order = Hdf5Types.byteOrder(dataset);
        this.lock = lock;
    }

    @Override
    public Object read(long[] min, int[] size) throws IOException {
        long[] offset = {min[2], min[1], min[0]};
        int[] shape = {size[2], size[1], size[0]};
        ByteBuffer bytes;
        try {
            synchronized (lock) {
                bytes = dataset.getSliceDataBuffer(offset, shape);
            }
        } catch (HdfException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            // jhdf failing inside a dataset it opened fine means damaged or truncated storage: a user-facing error.
            throw InputException.file(file, "reading voxels of " + dataset.getPath() + " failed (" + e.getMessage() + ")",
                    "The file may be damaged or incomplete (an interrupted copy?); copy or export it again", e);
        }
        int n = Math.multiplyExact(Math.multiplyExact(size[0], size[1]), size[2]);
        if (bytes.remaining() != (long) n * type.bytesPerVoxel()) {
            throw new IOException("dataset " + dataset.getPath() + " returned " + bytes.remaining() + " bytes for a block of " + n + " voxels");
        }
        return VoxelBytes.decode(bytes.order(order), type, n);
    }

    /**
     * Block size (x, y, z) for a volume of {@code dims} voxels whose dataset is chunked as {@code chunkXyz}: the chunk
     * size, doubled along x, y, z in turn up to about {@link #MIN_BLOCK_BYTES}, never beyond the volume. A contiguous
     * dataset ({@code chunkXyz} null) gets bands of whole rows of about {@link #CONTIGUOUS_BLOCK_BYTES}, grown to
     * several planes when planes are small.
     */
    static int[] blockDims(long[] dims, int[] chunkXyz, PixelType type) {
        int[] b = new int[3];
        if (chunkXyz == null) {
            long rowBytes = dims[0] * type.bytesPerVoxel();
            b[0] = (int) dims[0];
            b[1] = (int) Math.max(1, Math.min(dims[1], CONTIGUOUS_BLOCK_BYTES / rowBytes));
            b[2] = 1;
        } else {
            for (int d = 0; d < 3; d++) {
                b[d] = (int) Math.max(1, Math.min(chunkXyz[d], dims[d]));
            }
        }
        int d = 0;
        int stuck = 0;
        while ((long) b[0] * b[1] * b[2] * type.bytesPerVoxel() < MIN_BLOCK_BYTES && stuck < 3) {
            if (b[d] < dims[d]) {
                b[d] = (int) Math.min(dims[d], 2L * b[d]);
                stuck = 0;
            } else {
                stuck++;
            }
            d = (d + 1) % 3;
        }
        return b;
    }

    /** The chunk size of {@code dataset} as x, y, z, or null if it is not chunked. */
    static int[] chunkXyz(Dataset dataset) {
        if (dataset instanceof ChunkedDataset c) {
            int[] zyx = c.getChunkDimensions();
            if (zyx.length == 3) {
                return new int[] {zyx[2], zyx[1], zyx[0]};
            }
        }
        return null;
    }
}
