package org.neuroatlas.core.volume.nrrd;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.neuroatlas.core.InputException;

/**
 * The voxels of a gzip NRRD, made seekable. A gzip stream can only be read from its start, so on the first voxel
 * access (not at open) the whole payload is stream-decompressed once, through a small buffer, into a temporary raw
 * file; blocks are then read from that file like from a raw NRRD. The file is deleted on {@link #close()} and, if the
 * volume is never closed, when the JVM exits.
 * <p>
 * The temporary file is as large as the uncompressed voxels (tens of GB for a whole brain): its folder is
 * {@code -Dneuroatlas.tmpdir} (default {@code java.io.tmpdir}), and free space is checked before writing.
 */
final class GzipPayloadCache implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final NrrdHeader header;
    private final NrrdPayload payload;
    private final Path tempDir;
    private Path tempFile;
    private RawVoxelSource source;
    private InputException failure;
    private boolean closed;

    GzipPayloadCache(NrrdHeader header, NrrdPayload payload, Path tempDir) {
        this.header = header;
        this.payload = payload;
        this.tempDir = tempDir;
    }

    /**
     * The decompressed voxels, decompressing on the first call. Callers from other threads wait meanwhile.
     *
     * @throws InputException if the gzip data are truncated or corrupt, or the temporary folder lacks space; the
     *                        same error is thrown again on later calls rather than decompressing again
     */
    synchronized RawVoxelSource source() throws IOException {
        if (closed) {
            throw new IllegalStateException(header.file + " is closed");
        }
        if (failure != null) {
            throw failure;
        }
        if (source == null) {
            try {
                decompress();
            } catch (InputException e) {
                failure = e;
                throw e;
            }
        }
        return source;
    }

    /** True once the payload has been decompressed (for tests and diagnostics). */
    synchronized boolean isDecompressed() {
        return source != null;
    }

    private void decompress() throws IOException {
        long expected = header.payloadBytes();
        Files.createDirectories(tempDir);
        long free = Files.getFileStore(tempDir).getUsableSpace();
        if (free < expected) {
            throw InputException.file(header.file, String.format(Locale.ROOT,
                    "needs %.1f GB of temporary disk space to decompress its gzip voxels, but %s has only %.1f GB free",
                    expected / 1e9, tempDir, free / 1e9),
                    "Free disk space, point -D" + TempFiles.TMPDIR_PROPERTY + " at a larger disk, or save the NRRD with raw encoding");
        }
        Path tmp = TempFiles.create(tempDir, "neuroatlas-nrrd-", ".raw");
        boolean done = false;
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                byte[] buf = new byte[BUFFER_BYTES];
                long written = 0;
                for (NrrdPayload.Segment s : payload.segments()) {
                    written = inflate(s, out, buf, written);
                }
            }
            source = new RawVoxelSource(List.of(new NrrdPayload.Segment(tmp, 0, expected)), header.byteOrder);
            tempFile = tmp;
            done = true;
        } finally {
            if (!done) {
                TempFiles.delete(tmp);
            }
        }
    }

    /** Inflates one data file's gzip stream into {@code out}; returns the payload bytes written so far. */
    private long inflate(NrrdPayload.Segment s, FileChannel out, byte[] buf, long written) throws IOException {
        try (FileChannel in = FileChannel.open(s.file(), StandardOpenOption.READ).position(s.offset());
                InputStream gz = new GZIPInputStream(new BufferedInputStream(Channels.newInputStream(in), 1 << 16), 1 << 16)) {
            skipDecompressed(gz, header.byteSkip, written);
            long left = s.length();
            while (left > 0) {
                int n = gz.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw NrrdPayload.truncated(header, written);
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                left -= n;
                written += n;
            }
            // Read on to the end of the stream: only there does gzip check its CRC, which catches damaged data
            // that still inflates. Bytes beyond the voxels (if any) are ignored, as teem does.
            while (gz.read(buf) >= 0) {
                // draining
            }
            return written;
        } catch (EOFException e) {
            throw NrrdPayload.truncated(header, written);
        } catch (ZipException e) {
            throw InputException.file(s.file(), "has corrupt gzip data (" + e.getMessage() + ") after " + written + " of "
                    + header.payloadBytes() + " bytes of voxels", "The file is damaged; copy or export it again");
        }
    }

    /** Applies 'byte skip', which for compressed encodings counts decompressed bytes. */
    private void skipDecompressed(InputStream gz, long bytes, long written) throws IOException {
        long left = bytes;
        while (left > 0) {
            long n = gz.skip(left);
            if (n <= 0) {
                if (gz.read() < 0) {
                    throw NrrdPayload.truncated(header, written);
                }
                n = 1;
            }
            left -= n;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        try {
            if (source != null) {
                source.close();
            }
        } finally {
            source = null;
            if (tempFile != null) {
                TempFiles.delete(tempFile);
                tempFile = null;
            }
        }
    }
}
