package org.neuroatlas.core.volume;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a volume's planes in order, z = 0, 1, 2, …, with a few planes read ahead on background threads so that
 * decoding overlaps with the consumer's work and the disk never waits. Memory: at most {@code readAhead + 1}
 * planes beyond what the block cache holds.
 */
public final class PlaneStream implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Volume<?> volume;
    private final int readAhead;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Object>> pending = new ArrayDeque<>();
    private long nextToSubmit;
    private long nextToReturn;

    /**
     * @param readAhead planes read ahead (0 = read on the caller's thread)
     * @param threads   background reader threads (≥ 1 if readAhead > 0)
     */
    public PlaneStream(Volume<?> volume, int readAhead, int threads) {
        this.volume = volume;
        this.readAhead = readAhead;
        this.pool = readAhead > 0 ? Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "neuroatlas-plane-reader-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** True while planes remain. */
    public boolean hasNext() {
        return nextToReturn < volume.sizeZ();
    }

    /** Index of the plane the next call to {@link #next()} returns. */
    public long nextZ() {
        return nextToReturn;
    }

    /** The next plane as a primitive array of the volume's pixel type, x fastest. */
    public Object next() {
        if (!hasNext()) {
            throw new IllegalStateException("no more planes");
        }
        long z = nextToReturn++;
        if (pool == null) {
            return read(z);
        }
        while (nextToSubmit < volume.sizeZ() && nextToSubmit <= z + readAhead) {
            long zz = nextToSubmit++;
            pending.addLast(pool.submit(() -> read(zz)));
        }
        try {
            return pending.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading plane " + z, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Object read(long z) {
        try {
            return VolumeBlocks.readPlane(volume, z);
        } catch (UncheckedIOException e) {
            throw Volumes.readError(Path.of(volume.name()), e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pending.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }
}
