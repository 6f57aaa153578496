package org.neuroatlas.core.volume.nrrd;

import java.io.IOException;

import org.neuroatlas.core.volume.BlockReader;
import org.neuroatlas.core.volume.PixelType;

/**
 * Reads blocks of a NRRD's uncompressed payload (a raw file, or the temporary file a gzip payload was decompressed
 * into). Blocks are whole planes, or bands of whole rows when one plane is large, so that each block is one
 * contiguous run of bytes in the file: one positional read per block.
 */
final class NrrdBlockReader implements BlockReader, AutoCloseable {

    /** Supplies the payload, opening or decompressing it on first use. */
    interface Source extends AutoCloseable {
        RawVoxelSource get() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Aim for blocks of about this many bytes: big enough for few reads, small enough for a fine-grained cache. */
    static final long TARGET_BLOCK_BYTES = 2L << 20;

    private final long[] dims;
    private final PixelType type;
    private final Source source;

    NrrdBlockReader(long[] dims, PixelType type, Source source) {
        this.dims = dims.clone();
        this.type = type;
        this.source = source;
    }

    /**
     * Block size (x, y, z) for a volume of {@code dims} voxels: full rows always; whole planes, several per block
     * when planes are small; otherwise bands of rows.
     */
    static int[] blockDims(long[] dims, PixelType type) {
        long rowBytes = dims[0] * type.bytesPerVoxel();
        long planeBytes = rowBytes * dims[1];
        int sx = Math.toIntExact(dims[0]);
        if (planeBytes <= TARGET_BLOCK_BYTES) {
            long planes = Math.max(1, Math.min(dims[2], TARGET_BLOCK_BYTES / planeBytes));
            return new int[] {sx, (int) dims[1], (int) planes};
        }
        long rows = Math.max(1, Math.min(dims[1], TARGET_BLOCK_BYTES / rowBytes));
        return new int[] {sx, (int) rows, 1};
    }

    @Override
    public Object read(long[] min, int[] size) throws IOException {
        Object out = type.newArray(Math.multiplyExact(Math.multiplyExact(size[0], size[1]), size[2]));
        readInto(min, size, out);
        return out;
    }

    @Override
    public void readInto(long[] min, int[] size, Object out) throws IOException {
        RawVoxelSource src = source.get();
        int bpv = type.bytesPerVoxel();
        boolean fullRows = min[0] == 0 && size[0] == dims[0];
        boolean fullPlanes = fullRows && min[1] == 0 && size[1] == dims[1];
        if (fullPlanes || (fullRows && size[2] == 1)) {
            src.readInto(offset(min[0], min[1], min[2]) * bpv, size[0] * size[1] * size[2], type, out, 0); // one contiguous run
            return;
        }
        // Any other box: gather it row by row.
        int dst = 0;
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                src.readInto(offset(min[0], min[1] + y, min[2] + z) * bpv, size[0], type, out, dst);
                dst += size[0];
            }
        }
    }

    private long offset(long x, long y, long z) {
        return (z * dims[1] + y) * dims[0] + x;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
