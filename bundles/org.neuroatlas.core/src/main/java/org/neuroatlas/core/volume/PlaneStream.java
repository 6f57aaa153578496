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
 * reading overlaps with the consumer's work and the disk never waits. Planes of lazily read files come straight
 * from the file into a small ring of reused arrays (no cache, no allocation per plane): memory is
 * {@code readAhead + 2} planes, whatever the volume's size.
 */
public final class PlaneStream implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Volume<?> volume;
    private final int readAhead;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Object>> pending = new ArrayDeque<>();
    private final Object[] ring;
    private final int[] planeSize;
    private long nextToSubmit;
    private long nextToReturn;

    /**
     * @param readAhead planes read ahead (0 = read on the caller's thread)
     * @param threads   background reader threads (≥ 1 if readAhead > 0)
     */
    public PlaneStream(Volume<?> volume, int readAhead, int threads) {
        this.volume = volume;
        this.readAhead = readAhead;
        this.planeSize = new int[] {Math.toIntExact(volume.sizeX()), Math.toIntExact(volume.sizeY()), 1};
        this.ring = new Object[readAhead + 2];
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

    /**
     * The next plane as a primitive array of the volume's pixel type, x fastest. The array is reused: it is valid
     * until the next call of {@code next()}; copy what must outlive that.
     */
    public Object next() {
        if (!hasNext()) {
            throw new IllegalStateException("no more planes");
        }
        long z = nextToReturn++;
        if (pool == null) {
            return read(z);
        }
        // Plane z+readAhead reuses the slot of plane z-2, which the caller has released by calling next() twice since.
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
        int slot = (int) (z % ring.length);
        if (ring[slot] == null) {
            ring[slot] = volume.pixelType().newArray(planeSize[0] * planeSize[1]);
        }
        try {
            VolumeBlocks.copy(volume.voxels(), volume.pixelType(), new long[] {0, 0, z}, planeSize, ring[slot]);
        } catch (UncheckedIOException e) {
            throw Volumes.readError(Path.of(volume.source()), e);
        }
        return ring[slot];
    }

    @Override
    public void close() {
        if (pool != null) {
            pending.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }
}
