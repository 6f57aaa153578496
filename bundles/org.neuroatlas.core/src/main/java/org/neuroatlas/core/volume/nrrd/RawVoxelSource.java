package org.neuroatlas.core.volume.nrrd;

import org.neuroatlas.core.volume.FileVoxels;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.volume.PixelType;

/**
 * Uncompressed voxel bytes spread over one or more files, read by positional reads. Positional
 * {@link FileChannel} reads do not move a shared file position, so any number of threads may read at once.
 */
final class RawVoxelSource implements AutoCloseable {

    private final List<FileChannel> channels = new ArrayList<>();
    private final List<NrrdPayload.Segment> segments;
    private final ByteOrder order;

    /** Opens the files of {@code segments}; their bytes form the payload in list order. */
    RawVoxelSource(List<NrrdPayload.Segment> segments, ByteOrder order) throws IOException {
        this.segments = List.copyOf(segments);
        this.order = order;
        try {
            for (NrrdPayload.Segment s : segments) {
                channels.add(FileChannel.open(s.file(), StandardOpenOption.READ));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Reads {@code n} voxels of {@code type} starting at payload byte {@code position} into {@code dst[dstIndex…]},
     * crossing from one file into the next as needed.
     */
    void readInto(long position, int n, PixelType type, Object dst, int dstIndex) throws IOException {
        int bpv = type.bytesPerVoxel();
        long segStart = 0;
        int done = 0;
        for (int i = 0; i < segments.size() && done < n; i++) {
            NrrdPayload.Segment s = segments.get(i);
            long segEnd = segStart + s.length();
            long pos = position + (long) done * bpv;
            if (pos < segEnd) {
                int k = (int) Math.min(n - done, (segEnd - pos) / bpv);
                try {
                    FileVoxels.read(channels.get(i), s.offset() + pos - segStart, k, order, type, dst, dstIndex + done);
                } catch (EOFException e) {
                    throw new EOFException(s.file() + ": " + e.getMessage() + " although the header needs more voxels (file truncated?)");
                }
                done += k;
            }
            segStart = segEnd;
        }
        if (done < n) {
            throw new EOFException("voxel read past the end of the payload");
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileChannel c : channels) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        channels.clear();
        if (first != null) {
            throw first;
        }
    }
}
