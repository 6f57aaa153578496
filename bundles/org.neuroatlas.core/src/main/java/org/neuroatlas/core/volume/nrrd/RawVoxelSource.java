package org.neuroatlas.core.volume.nrrd;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
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

    /** Reads {@code n} voxels of {@code type} starting at payload byte {@code position}. */
    Object read(long position, int n, PixelType type) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(n, type.bytesPerVoxel())).order(order);
        readFully(position, buf);
        buf.flip();
        return VoxelBytes.decode(buf, type, n);
    }

    /** Fills {@code dst} from payload byte {@code position} on, crossing from one file into the next as needed. */
    private void readFully(long position, ByteBuffer dst) throws IOException {
        long segStart = 0;
        for (int i = 0; i < segments.size() && dst.hasRemaining(); i++) {
            NrrdPayload.Segment s = segments.get(i);
            long segEnd = segStart + s.length();
            if (position < segEnd) {
                FileChannel ch = channels.get(i);
                while (dst.hasRemaining() && position < segEnd) {
                    int want = (int) Math.min(dst.remaining(), segEnd - position);
                    ByteBuffer slice = dst.slice().limit(want);
                    int got = ch.read(slice, s.offset() + position - segStart);
                    if (got < 0) {
                        throw new EOFException(s.file() + " ends at byte " + (s.offset() + position - segStart)
                                + " although the header needs more voxels (file truncated?)");
                    }
                    dst.position(dst.position() + got);
                    position += got;
                }
            }
            segStart = segEnd;
        }
        if (dst.hasRemaining()) {
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
