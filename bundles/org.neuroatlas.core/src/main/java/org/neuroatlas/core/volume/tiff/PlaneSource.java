package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the pixels of each z plane of a TIFF volume are: pages of one file, or one file per plane. */
interface PlaneSource {

    /**
     * One plane: the file, the page layout and its strip/tile table.
     *
     * @param where prefix that names the plane inside the file in messages ("page 12: "), or "" for a one-plane file
     */
    record Plane(Path file, TiffPage page, TiffPage.Chunks chunks, String where) {
    }

    /** Number of z planes. */
    int planeCount();

    /** Plane {@code z}, reading its strip table through {@code pool} if not cached. Thread-safe. */
    Plane plane(int z, ChannelPool pool) throws IOException;

    /**
     * A small LRU of recently used planes: a plane is usually read as several blocks in a row, and its strip table
     * should be parsed once for them, while tables of thousands of planes must not pile up in memory.
     */
    final class RecentPlanes {
        private static final int MAX = 64;
        private final Map<Integer, Plane> planes = new LinkedHashMap<>(MAX * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Plane> eldest) {
                return size() > MAX;
            }
        };

        synchronized Plane get(int z) {
            return planes.get(z);
        }

        synchronized void put(int z, Plane p) {
            planes.put(z, p);
        }
    }
}
