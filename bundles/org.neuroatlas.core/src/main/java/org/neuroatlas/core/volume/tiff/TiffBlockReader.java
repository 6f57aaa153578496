package org.neuroatlas.core.volume.tiff;

import org.neuroatlas.core.volume.VoxelBytes;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.util.zip.DataFormatException;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.BlockReader;
import org.neuroatlas.core.volume.FileVoxels;
import org.neuroatlas.core.volume.PixelType;

/**
 * Reads boxes of voxels from TIFF planes, strip by strip or tile by tile, for {@link org.neuroatlas.core.volume.LazyVolumes}.
 * Thread-safe: file channels come from a shared pool and are read with positional reads.
 * <p>
 * Uncompressed strips that follow each other in the file are fetched with one read into a per-thread direct
 * buffer and converted by a bulk typed copy, which keeps sequential reading close to the speed of the disk or
 * page cache. Problems with the data (truncation, corrupt compression) are reported as {@link InputException}s
 * naming the file and page.
 */
final class TiffBlockReader implements BlockReader {

    /** Aim for blocks of about 2 MB: big enough for efficient reads, small enough for a fine-grained cache. */
    static final long TARGET_BLOCK_BYTES = 2L << 20;

    /** Direct read buffers are kept per thread up to this size; larger reads go through in pieces. */
    private static final int MAX_DIRECT = 4 << 20;

    private static final ThreadLocal<ByteBuffer> DIRECT = new ThreadLocal<>();

    private final PlaneSource planes;
    private final ChannelPool pool;
    private final PixelType type;
    private final String volumeName;

    TiffBlockReader(PlaneSource planes, ChannelPool pool, PixelType type, String volumeName) {
        this.planes = planes;
        this.pool = pool;
        this.type = type;
        this.volumeName = volumeName;
    }

    /**
     * Block size in voxels (x, y, z) aligned to the layout of {@code page}: full-width runs of whole strips, or
     * groups of whole tiles, of about {@link #TARGET_BLOCK_BYTES}, one plane deep. Uncompressed strips larger than
     * that (ImageJ writes a whole plane as one strip) are split by rows, since any row of them can be read directly;
     * a compressed strip must be decoded whole, so a block never cuts one.
     */
    static int[] blockDims(TiffPage page) {
        int bpv = page.pixelType().bytesPerVoxel();
        if (page.tiled()) {
            long tileBytes = page.chunkBytes();
            long tiles = Math.max(1, TARGET_BLOCK_BYTES / tileBytes);
            int across = (int) Math.max(1, Math.min(page.tilesAcross(), Math.round(Math.sqrt(tiles))));
            int down = (int) Math.max(1, Math.min(page.tilesDown(), tiles / across));
            return new int[] {(int) Math.min(page.width(), (long) across * page.tileWidth()),
                    (int) Math.min(page.height(), (long) down * page.tileHeight()), 1};
        }
        long rowBytes = (long) page.width() * bpv;
        int rps = page.rowsPerStrip();
        long rows;
        if (page.compression() == TiffTag.COMPRESSION_NONE && TARGET_BLOCK_BYTES / rowBytes < rps) {
            rows = Math.max(1, TARGET_BLOCK_BYTES / rowBytes);
        } else {
            long strips = Math.max(1, Math.round((double) TARGET_BLOCK_BYTES / (rowBytes * rps)));
            rows = strips * rps;
        }
        return new int[] {page.width(), (int) Math.min(page.height(), rows), 1};
    }

    @Override
    public Object read(long[] min, int[] size) throws IOException {
        Object out = type.newArray(Math.multiplyExact(Math.multiplyExact(size[0], size[1]), size[2]));
        readInto(min, size, out);
        return out;
    }

    @Override
    public void readInto(long[] min, int[] size, Object out) throws IOException {
        int w = size[0];
        int h = size[1];
        for (int dz = 0; dz < size[2]; dz++) {
            int z = Math.toIntExact(min[2] + dz);
            PlaneSource.Plane p;
            try {
                p = planes.plane(z, pool);
            } catch (ClosedChannelException e) {
                throw closed(e);
            }
            int dst = dz * w * h;
            try (ChannelPool.Lease lease = pool.acquire(p.file())) {
                if (p.page().tiled()) {
                    readTiles(lease, p, (int) min[0], (int) min[1], w, h, out, dst);
                } else {
                    readStrips(lease, p, (int) min[0], (int) min[1], w, h, out, dst);
                }
            } catch (ClosedChannelException e) {
                throw closed(e);
            } catch (DataFormatException | RuntimeException e) {
                if (e instanceof InputException ie) {
                    throw ie;
                }
                // Malformed compressed data can trip bounds inside a decoder: still the file's fault, not ours.
                throw InputException.file(p.file(), "is corrupt: " + p.where() + "the pixel data cannot be decoded (" + e.getMessage()
                        + ")", "Check that the file is complete; re-export it if it was damaged", e);
            } catch (IOException e) {
                throw new IOException(p.file() + ": " + e.getMessage(), e);
            }
        }
    }

    private IllegalStateException closed(ClosedChannelException e) {
        return new IllegalStateException(volumeName + " was closed; it can no longer be read", e);
    }

    private void readStrips(ChannelPool.Lease lease, PlaneSource.Plane p, int x0, int y0, int w, int h, Object out, int dst)
            throws IOException, DataFormatException {
        TiffPage page = p.page();
        int bpv = type.bytesPerVoxel();
        int width = page.width();
        long rowBytes = page.rowBytes();
        int rps = page.rowsPerStrip();
        long[] offsets = p.chunks().offsets();
        long[] counts = p.chunks().byteCounts();
        int s0 = y0 / rps;
        int s1 = (y0 + h - 1) / rps;
        boolean fullRows = x0 == 0 && w == width;
        // Pending run of uncompressed bytes that are contiguous both in the file and in the output.
        long runStart = -1;
        long runLength = 0;
        int runDst = 0;
        for (int s = s0; s <= s1; s++) {
            long stripY = (long) s * rps;
            int rowA = (int) Math.max(y0, stripY);
            int rowB = (int) Math.min((long) y0 + h, stripY + page.stripRows(s));
            String what = p.where() + "strip " + s;
            if (page.compression() == TiffTag.COMPRESSION_NONE) {
                long needed = (rowB - stripY) * rowBytes;
                if (counts[s] < needed) {
                    throw TiffInput.corrupt(p.file(), what + " holds " + counts[s] + " bytes, " + needed + " expected");
                }
                long start = offsets[s] + (rowA - stripY) * rowBytes;
                if (fullRows) {
                    long len = (rowB - rowA) * rowBytes;
                    if (runStart >= 0 && runStart + runLength == start) {
                        runLength += len;
                    } else {
                        if (runStart >= 0) {
                            readSamples(lease, page.order(), runStart, runLength, out, runDst, what);
                        }
                        runStart = start;
                        runLength = len;
                        runDst = dst + (rowA - y0) * w;
                    }
                } else {
                    for (int r = rowA; r < rowB; r++) {
                        readSamples(lease, page.order(), start + (r - rowA) * rowBytes + (long) x0 * bpv, (long) w * bpv, out,
                                dst + (r - y0) * w, what);
                    }
                }
            } else {
                int rows = page.stripRows(s);
                byte[] raw = new byte[Math.toIntExact(rows * rowBytes)];
                byte[] stored = readStored(lease, offsets[s], counts[s], what);
                decode(page, stored, raw, rows, width, p, what);
                Buffer view = VoxelBytes.view(ByteBuffer.wrap(raw), page.order(), type);
                for (int r = rowA; r < rowB; r++) {
                    VoxelBytes.get(view, (int) ((r - stripY) * width + x0), out, dst + (r - y0) * w, w);
                }
            }
        }
        if (runStart >= 0) {
            readSamples(lease, page.order(), runStart, runLength, out, runDst, p.where() + "strips " + s0 + "–" + s1);
        }
    }

    private void readTiles(ChannelPool.Lease lease, PlaneSource.Plane p, int x0, int y0, int w, int h, Object out, int dst)
            throws IOException, DataFormatException {
        TiffPage page = p.page();
        int tw = page.tileWidth();
        int th = page.tileHeight();
        int bpv = type.bytesPerVoxel();
        long[] offsets = p.chunks().offsets();
        long[] counts = p.chunks().byteCounts();
        for (int ty = y0 / th; ty <= (y0 + h - 1) / th; ty++) {
            for (int tx = x0 / tw; tx <= (x0 + w - 1) / tw; tx++) {
                int index = ty * page.tilesAcross() + tx;
                String what = p.where() + "tile " + index;
                long tileX = (long) tx * tw;
                long tileY = (long) ty * th;
                int colA = (int) Math.max(x0, tileX);
                int colB = (int) Math.min((long) x0 + w, tileX + tw);
                int rowA = (int) Math.max(y0, tileY);
                int rowB = (int) Math.min((long) y0 + h, tileY + th);
                Buffer view;
                int firstRow; // tile row that sample 0 of the view belongs to
                if (page.compression() == TiffTag.COMPRESSION_NONE) {
                    // Read only the rows of the tile we need, in one go.
                    long rowBytes = (long) tw * bpv;
                    long needed = (rowB - tileY) * rowBytes;
                    if (counts[index] < needed) {
                        throw TiffInput.corrupt(p.file(), what + " holds " + counts[index] + " bytes, " + needed + " expected");
                    }
                    ByteBuffer bytes = readBytes(lease, offsets[index] + (rowA - tileY) * rowBytes, (rowB - rowA) * rowBytes, what);
                    view = VoxelBytes.view(bytes, page.order(), type);
                    firstRow = (int) (rowA - tileY);
                } else {
                    byte[] raw = new byte[Math.toIntExact(page.chunkBytes())];
                    byte[] stored = readStored(lease, offsets[index], counts[index], what);
                    decode(page, stored, raw, th, tw, p, what);
                    view = VoxelBytes.view(ByteBuffer.wrap(raw), page.order(), type);
                    firstRow = 0;
                }
                for (int r = rowA; r < rowB; r++) {
                    int src = (int) ((r - tileY - firstRow) * tw + (colA - tileX));
                    VoxelBytes.get(view, src, out, dst + (r - y0) * w + (colA - x0), colB - colA);
                }
            }
        }
    }

    private static void decode(TiffPage page, byte[] stored, byte[] raw, int rows, int rowSamples, PlaneSource.Plane p,
            String what) throws DataFormatException {
        try {
            Decompressor.decode(page, stored, stored.length, raw, rows, rowSamples);
        } catch (DataFormatException e) {
            throw new DataFormatException(what + ": " + e.getMessage());
        }
    }

    /** The stored (compressed) bytes of one strip or tile. */
    private static byte[] readStored(ChannelPool.Lease lease, long offset, long count, String what) throws IOException {
        if (count <= 0 || count > Integer.MAX_VALUE - 16) {
            throw TiffInput.corrupt(lease.path(), what + " has an invalid byte count " + count);
        }
        checkRange(lease, offset, count, what);
        ByteBuffer b = ByteBuffer.allocate((int) count);
        TiffInput.readFully(lease.channel(), lease.path(), offset, b, lease.size(), what);
        return b.array();
    }

    /** {@code length} bytes at {@code offset} in a buffer positioned at 0 (a per-thread direct buffer when small enough). */
    private static ByteBuffer readBytes(ChannelPool.Lease lease, long offset, long length, String what) throws IOException {
        checkRange(lease, offset, length, what);
        ByteBuffer b = length <= MAX_DIRECT ? direct((int) length) : ByteBuffer.allocate(Math.toIntExact(length));
        b.clear().limit((int) length);
        TiffInput.readFully(lease.channel(), lease.path(), offset, b, lease.size(), what);
        b.flip();
        return b;
    }

    /** Reads {@code length} bytes of uncompressed samples at {@code offset} into {@code out[dst…]}. */
    private void readSamples(ChannelPool.Lease lease, ByteOrder order, long offset, long length, Object out, int dst,
            String what) throws IOException {
        checkRange(lease, offset, length, what);
        try {
            FileVoxels.read(lease.channel(), offset, Math.toIntExact(length / type.bytesPerVoxel()), order, type, out, dst);
        } catch (java.io.EOFException e) {
            throw TiffInput.truncated(lease.path(), what, offset, length, lease.size());
        }
    }

    private static void checkRange(ChannelPool.Lease lease, long offset, long length, String what) {
        if (offset < 0 || offset + length > lease.size()) {
            throw TiffInput.truncated(lease.path(), what, offset, length, lease.size());
        }
    }

    private static ByteBuffer direct(int capacity) {
        ByteBuffer b = DIRECT.get();
        if (b == null || b.capacity() < capacity) {
            int cap = Math.min(MAX_DIRECT, Math.max(capacity, 64 << 10));
            b = ByteBuffer.allocateDirect(Math.max(cap, capacity));
            DIRECT.set(b);
        }
        return b;
    }
}
