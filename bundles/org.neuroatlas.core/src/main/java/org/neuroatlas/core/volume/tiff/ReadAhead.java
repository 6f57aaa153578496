package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.BlockReader;

import net.imglib2.img.cell.CellGrid;

/**
 * Sequential read-ahead for a lazily read volume: when blocks are asked for in index order (streaming plane by
 * plane), the next few are loaded into the {@link BlockCache} on a background thread while the caller is busy with
 * the current one, so reading and copying overlap. Random access triggers nothing. The cache loads each block once
 * even if the caller asks for it while it is being read ahead; a failed read-ahead is forgotten by the cache and
 * repeated, with its error, by the caller's own request.
 */
final class ReadAhead implements BlockReader {

    /** At most this many blocks ahead of the one asked for (about two planes of a light-sheet stack)... */
    private static final int MAX_DEPTH = 8;
    /** ...and never more than this share of the cache, so that read-ahead cannot evict what is being used. */
    private static final int CACHE_SHARE = 4;
    /** {@code -Dneuroatlas.tiff.readAhead=false} turns read-ahead off (for measurements and diagnosis). */
    private static final boolean ENABLED = !"false".equals(System.getProperty("neuroatlas.tiff.readAhead"));

    /**
     * Shared by all volumes: a couple of daemon threads with a short queue; when it is full, read-ahead is skipped.
     */
    private static final ThreadPoolExecutor EXECUTOR = new ThreadPoolExecutor(threads(), threads(), 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(16), r -> {
                Thread t = new Thread(r, "neuroatlas-tiff-read-ahead");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    static {
        EXECUTOR.allowCoreThreadTimeOut(true);
    }

    private final BlockReader reader;
    private final CellGrid grid;
    private final BlockCache cache;
    private final long owner;
    private final long blocks;
    private final int depth;
    private final AtomicLong last = new AtomicLong(-2);
    private final AtomicLong scheduledUpTo = new AtomicLong(-1);
    private volatile boolean closed;

    /**
     * @param grid the cell grid of the lazy image (same dimensions and block size), to map block indices to boxes
     * @param bytesPerVoxel of the volume's pixel type, to size the read-ahead against the cache budget
     */
    ReadAhead(BlockReader reader, CellGrid grid, int bytesPerVoxel, BlockCache cache, long owner) {
        this.reader = reader;
        this.grid = grid;
        this.cache = cache;
        this.owner = owner;
        this.blocks = net.imglib2.util.Intervals.numElements(grid.getGridDimensions());
        long blockBytes = Math.max(1, (long) grid.cellDimension(0) * grid.cellDimension(1) * grid.cellDimension(2) * bytesPerVoxel);
        this.depth = (int) Math.min(MAX_DEPTH, cache.budgetBytes() / CACHE_SHARE / blockBytes);
    }

    private static int threads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() / 2));
    }

    @Override
    public Object read(long[] min, int[] size) throws IOException {
        long index = indexOf(min);
        long previous = last.getAndSet(index);
        // Cache hits never reach this reader, so a consumer that used up the blocks read ahead shows up here again
        // just past them: that is sequential too.
        boolean sequential = index == previous + 1 || index == scheduledUpTo.get() + 1;
        if (sequential && depth > 0 && ENABLED && !closed) {
            long from = Math.max(index + 1, scheduledUpTo.get() + 1);
            long to = Math.min(blocks - 1, index + depth);
            for (long j = from; j <= to; j++) {
                long block = j;
                EXECUTOR.execute(() -> prefetch(block));
            }
            scheduledUpTo.accumulateAndGet(to, Math::max);
        }
        return reader.read(min, size);
    }

    private void prefetch(long index) {
        if (closed) {
            return;
        }
        long[] min = new long[3];
        int[] size = new int[3];
        grid.getCellDimensions(index, min, size);
        try {
            cache.get(owner, index, () -> reader.read(min, size));
        } catch (RuntimeException e) {
            // The caller's own request will load the block again and report the problem then.
        }
    }

    private long indexOf(long[] min) {
        long[] pos = new long[3];
        for (int d = 0; d < 3; d++) {
            pos[d] = min[d] / grid.cellDimension(d);
        }
        return net.imglib2.util.IntervalIndexer.positionToIndex(pos, grid.getGridDimensions());
    }

    /** Stops scheduling and running read-ahead for this volume (blocks already being read finish and are cached). */
    void close() {
        closed = true;
    }
}
