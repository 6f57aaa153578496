package org.neuroatlas.core.volume;

import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads runs of uncompressed voxels from a file straight into a voxel array, as fast as the page cache allows.
 * Large runs are memory-mapped and copied once (page cache → array) and unmapped at once; small runs, or a JVM
 * where mappings cannot be released promptly, go through positional reads in pieces small enough to stay in the
 * CPU cache. Thread-safe: no shared file position, per-thread buffers.
 */
public final class FileVoxels {

    /** Runs of at least this many bytes are mapped (below it, the mapping costs more than it saves). */
    static final long MAP_THRESHOLD = 1 << 20;

    /** Positional reads go through pieces of this size: the kernel's copy and ours then both hit the CPU cache. */
    static final int PIECE = 32 << 10;

    private static final ThreadLocal<ByteBuffer> PIECES = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(PIECE));
    private static final Unmapper UNMAPPER = Unmapper.find();

    private FileVoxels() {
    }

    /**
     * Reads {@code count} voxels of {@code type} stored at byte {@code offset} of {@code channel} in {@code order}
     * into {@code dst[dstIndex…]}.
     *
     * @throws EOFException if the file ends before the run does
     */
    public static void read(FileChannel channel, long offset, int count, ByteOrder order, PixelType type, Object dst, int dstIndex)
            throws IOException {
        int bpv = type.bytesPerVoxel();
        long length = (long) count * bpv;
        if (length >= MAP_THRESHOLD && UNMAPPER != null) {
            if (offset + length > channel.size()) {
                throw new EOFException("the file ends at byte " + channel.size() + ", before the voxels at " + offset + "–" + (offset + length));
            }
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
            try {
                VoxelBytes.get(VoxelBytes.view(map, order, type), 0, dst, dstIndex, count);
            } catch (InternalError e) {
                // A fault inside the mapping: the file shrank after we checked its size.
                throw new EOFException("the file was truncated while it was read (" + e.getMessage() + ")");
            } finally {
                UNMAPPER.unmap(map);
            }
            return;
        }
        ByteBuffer piece = PIECES.get();
        int perPiece = PIECE / bpv;
        int done = 0;
        while (done < count) {
            int n = Math.min(perPiece, count - done);
            piece.clear().limit(n * bpv);
            long pos = offset + (long) done * bpv;
            while (piece.hasRemaining()) {
                int got = channel.read(piece, pos + piece.position());
                if (got < 0) {
                    throw new EOFException("the file ends at byte " + (pos + piece.position()) + ", before the voxels at " + offset + "–"
                            + (offset + length));
                }
            }
            piece.flip();
            VoxelBytes.get(VoxelBytes.view(piece, order, type), 0, dst, dstIndex + done, n);
            done += n;
        }
    }

    /**
     * Releases a mapping at once. Java unmaps only when the buffer is garbage-collected, which under a large heap may
     * be never; thousands of live 8 MB mappings would exhaust the process's map count. {@code Unsafe.invokeCleaner}
     * (JDK 9+, module jdk.unsupported) releases it explicitly; without it we do not map at all.
     */
    private record Unmapper(Object unsafe, Method invokeCleaner) {

        static Unmapper find() {
            try {
                Class<?> c = Class.forName("sun.misc.Unsafe");
                Field f = c.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                return new Unmapper(f.get(null), c.getMethod("invokeCleaner", ByteBuffer.class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;
            }
        }

        void unmap(MappedByteBuffer b) {
            try {
                invokeCleaner.invoke(unsafe, b);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("could not release a file mapping", e);
            }
        }
    }
}
