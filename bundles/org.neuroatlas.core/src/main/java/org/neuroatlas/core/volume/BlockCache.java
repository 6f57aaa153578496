package org.neuroatlas.core.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Least-recently-used cache of loaded voxel blocks, bounded in bytes, shared by all lazily opened volumes so that
 * memory does not grow with the size or the number of volumes. A block requested by several threads at once is
 * loaded once. Blocks still referenced by a running computation stay reachable after eviction; the bound applies
 * to what the cache itself keeps.
 */
public final class BlockCache {

    /** Loads one block; returns a primitive array (byte[], short[], int[] or float[]). */
    @FunctionalInterface
    public interface Loader {
        Object load() throws IOException;
    }

    private record Key(long owner, long index) {
    }

    private static final class Entry {
        final CompletableFuture<Object> value = new CompletableFuture<>();
        long bytes;
    }

    private static final AtomicLong OWNERS = new AtomicLong();
    private static volatile BlockCache shared;

    private final long budgetBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long usedBytes;
    private long hits;
    private long misses;

    /** @param budgetBytes most bytes of blocks the cache keeps */
    public BlockCache(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("cache budget must be positive: " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /**
     * The cache used when a reader is given none: {@code -Dneuroatlas.cacheMb=N} if set, else a quarter of the
     * maximum heap, at most 1 GiB.
     */
    public static BlockCache shared() {
        BlockCache c = shared;
        if (c == null) {
            synchronized (BlockCache.class) {
                c = shared;
                if (c == null) {
                    shared = c = new BlockCache(defaultBudgetBytes());
                }
            }
        }
        return c;
    }

    static long defaultBudgetBytes() {
        String mb = System.getProperty("neuroatlas.cacheMb");
        if (mb != null) {
            return Long.parseLong(mb.trim()) << 20;
        }
        return Math.min(Runtime.getRuntime().maxMemory() / 4, 1L << 30);
    }

    /** A fresh owner id for one opened volume; its blocks are keyed by it. */
    public static long newOwner() {
        return OWNERS.incrementAndGet();
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** Bytes of blocks currently kept. */
    public synchronized long usedBytes() {
        return usedBytes;
    }

    /** Requests answered from the cache / requests that had to load, since creation. */
    public synchronized long[] hitsAndMisses() {
        return new long[] {hits, misses};
    }

    /**
     * The block {@code index} of {@code owner}, loading it with {@code loader} if absent.
     *
     * @throws UncheckedIOException if loading failed with an I/O error (other runtime exceptions pass through)
     */
    public Object get(long owner, long index, Loader loader) {
        Key key = new Key(owner, index);
        Entry entry;
        boolean mine = false;
        synchronized (this) {
            entry = entries.get(key);
            if (entry == null) {
                entry = new Entry();
                entries.put(key, entry);
                mine = true;
                misses++;
            } else {
                hits++;
            }
        }
        if (mine) {
            try {
                Object array = loader.load();
                entry.value.complete(array);
                synchronized (this) {
                    entry.bytes = bytesOf(array);
                    if (entries.get(key) == entry) {
                        usedBytes += entry.bytes;
                        evict();
                    }
                }
                return array;
            } catch (IOException e) {
                forget(key, entry, e);
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                forget(key, entry, e);
                throw e;
            }
        }
        try {
            return entry.value.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a block", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void forget(Key key, Entry entry, Throwable failure) {
        synchronized (this) {
            entries.remove(key, entry);
        }
        entry.value.completeExceptionally(failure);
    }

    /** Drops every block of {@code owner} (called when its volume is closed). */
    public synchronized void invalidate(long owner) {
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Entry> e = it.next();
            if (e.getKey().owner == owner) {
                usedBytes -= e.getValue().bytes;
                it.remove();
            }
        }
    }

    private void evict() {
        Iterator<Entry> it = entries.values().iterator();
        while (usedBytes > budgetBytes && it.hasNext()) {
            Entry e = it.next();
            if (e.value.isDone()) { // blocks still loading are not accounted yet
                usedBytes -= e.bytes;
                it.remove();
            }
        }
    }

    static long bytesOf(Object array) {
        if (array instanceof byte[] a) {
            return a.length;
        }
        if (array instanceof short[] a) {
            return 2L * a.length;
        }
        if (array instanceof int[] a) {
            return 4L * a.length;
        }
        if (array instanceof float[] a) {
            return 4L * a.length;
        }
        throw new IllegalArgumentException("not a voxel array: " + array);
    }
}
