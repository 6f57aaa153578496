package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.neuroatlas.core.InputException;

/**
 * Positional, bounds-checked reads from one TIFF file for parsing headers and IFDs. Small reads are served from a
 * window of a few KB so that walking the entries of an IFD costs one system call, not one per value. Not
 * thread-safe: use one instance per parsing task (the underlying channel may be shared).
 */
final class TiffInput {

    /** Big enough for the header and first IFD of nearly every writer, small enough not to drag in pixel data. */
    static final int WINDOW = 8192;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private ByteOrder order = ByteOrder.BIG_ENDIAN;
    private ByteBuffer window;
    private long windowStart = -1;

    /** @param size the file's length in bytes (passed in so that pooled channels need not stat again) */
    TiffInput(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    ByteOrder order() {
        return order;
    }

    void order(ByteOrder o) {
        this.order = o;
        if (window != null) {
            window.order(o);
        }
    }

    /**
     * {@code length} bytes at {@code offset}, in the file's byte order, positioned at 0. The buffer may share the
     * read window, so it is valid only until the next read: use it, or copy what is needed, first.
     *
     * @param what what is being read, for the error message (e.g. "IFD of page 3")
     * @throws InputException if the range lies (partly) beyond the end of the file
     */
    ByteBuffer read(long offset, int length, String what) throws IOException {
        checkRange(offset, length, what);
        if (length <= WINDOW) {
            if (window == null || offset < windowStart || offset + length > windowStart + window.limit()) {
                fillWindow(offset);
            }
            int from = (int) (offset - windowStart);
            return window.slice(from, length).order(order);
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        readFully(channel, path, offset, b, size, what);
        b.flip();
        return b;
    }

    private void fillWindow(long offset) throws IOException {
        int n = (int) Math.min(WINDOW, size - offset);
        if (window == null) {
            window = ByteBuffer.allocate(WINDOW);
        }
        window.clear().limit(n);
        readFully(channel, path, offset, window, size, "header data");
        window.flip();
        window.order(order);
        windowStart = offset;
    }

    void checkRange(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw truncated(path, what, offset, length, size);
        }
    }

    /** Fills {@code dst} from {@code offset} on, retrying short reads; EOF before it is full is a truncated file. */
    static void readFully(FileChannel channel, Path path, long offset, ByteBuffer dst, long fileSize, String what)
            throws IOException {
        long pos = offset;
        int wanted = dst.remaining();
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                throw truncated(path, what, offset, wanted, fileSize);
            }
            pos += n;
        }
    }

    static InputException truncated(Path path, String what, long offset, long length, long fileSize) {
        return InputException.file(path, "is truncated or corrupt: " + what + " (bytes " + offset + " to " + (offset + length)
                + ") lies beyond the end of the file (" + fileSize + " bytes)",
                "The file is probably incomplete (an interrupted copy or export); copy or export it again");
    }

    static InputException corrupt(Path path, String problem) {
        return InputException.file(path, "is not a valid TIFF or is corrupt: " + problem,
                "Check that the file is complete; re-export it if it was damaged");
    }
}
