package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;

import org.neuroatlas.core.InputException;

/**
 * A small, bounded set of open read-only file channels, least recently used first out. A plane series of 10,000
 * files must not hold 10,000 descriptors, yet re-opening a file for every block of the same plane is wasteful.
 * Positional reads on a {@link FileChannel} are thread-safe, so threads share a channel; a channel in use is
 * never closed under a reader (the pool briefly exceeds its bound instead).
 */
final class ChannelPool implements AutoCloseable {

    /** A channel on loan; give it back with {@link #close()}. */
    final class Lease implements AutoCloseable {
        private final Holder holder;

        private Lease(Holder holder) {
            this.holder = holder;
        }

        FileChannel channel() {
            return holder.channel;
        }

        /** The file's length in bytes, as of when it was opened. */
        long size() {
            return holder.size;
        }

        Path path() {
            return holder.path;
        }

        @Override
        public void close() {
            release(holder);
        }
    }

    private static final class Holder {
        final Path path;
        final FileChannel channel;
        final long size;
        int users;

        Holder(Path path, FileChannel channel, long size) {
            this.path = path;
            this.channel = channel;
            this.size = size;
        }
    }

    private final int maxOpen;
    private final LinkedHashMap<Path, Holder> open = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    /** @param maxOpen most idle channels kept open */
    ChannelPool(int maxOpen) {
        this.maxOpen = maxOpen;
    }

    /** Opens {@code path} (or reuses its open channel). */
    synchronized Lease acquire(Path path) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        Holder h = open.get(path);
        if (h == null) {
            FileChannel ch;
            try {
                ch = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                throw InputException.file(path, "has disappeared since the volume was opened",
                        "Do not move or delete input files while NeuroAtlas reads them", e);
            }
            h = new Holder(path, ch, ch.size());
            open.put(path, h);
        }
        h.users++;
        trim();
        return new Lease(h);
    }

    private synchronized void release(Holder h) {
        h.users--;
        if (closed || open.get(h.path) != h) {
            if (h.users == 0) {
                closeQuietly(h.channel);
            }
            return;
        }
        trim();
    }

    private void trim() {
        Iterator<Holder> it = open.values().iterator();
        while (open.size() > maxOpen && it.hasNext()) {
            Holder h = it.next();
            if (h.users == 0) {
                it.remove();
                closeQuietly(h.channel);
            }
        }
    }

    /** Number of channels currently open (for tests). */
    synchronized int openCount() {
        return open.size();
    }

    /** Closes every idle channel now and every leased one when it is given back; later acquires fail. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Holder h : open.values()) {
            if (h.users == 0) {
                closeQuietly(h.channel);
            }
        }
        open.clear();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // a read-only channel has nothing to flush; nothing useful to report
        }
    }
}
