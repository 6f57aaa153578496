package org.neuroatlas.core.volume;

import java.util.Optional;

/**
 * How to open a volume: overrides for what the file says, and which part of a multi-part file to read.
 * Immutable; use the {@code with…} methods.
 */
public final class ReadOptions {

    private final VoxelSize voxelSizeUm;
    private final Orientation orientation;
    private final String glob;
    private final int setup;
    private final int timepoint;
    private final int level;
    private final BlockCache cache;

    private ReadOptions(VoxelSize voxelSizeUm, Orientation orientation, String glob, int setup, int timepoint, int level,
            BlockCache cache) {
        this.voxelSizeUm = voxelSizeUm;
        this.orientation = orientation;
        this.glob = glob;
        this.setup = setup;
        this.timepoint = timepoint;
        this.level = level;
        this.cache = cache;
    }

    /** Metadata as found, first setup/channel, first timepoint, full resolution, the shared cache. */
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, null, 0, 0, 0, null);
    }

    /** Voxel size to use instead of (or in the absence of) the file's own. */
    public Optional<VoxelSize> voxelSizeUm() {
        return Optional.ofNullable(voxelSizeUm);
    }

    /** Orientation to record instead of (or in the absence of) the file's own. */
    public Optional<Orientation> orientation() {
        return Optional.ofNullable(orientation);
    }

    /** For a folder of planes: a glob on file names, e.g. {@code ch0*.tif}; empty = every TIFF in the folder. */
    public Optional<String> glob() {
        return Optional.ofNullable(glob);
    }

    /** BigDataViewer view setup id, or Imaris channel index. */
    public int setup() {
        return setup;
    }

    /** BigDataViewer / Imaris timepoint index. */
    public int timepoint() {
        return timepoint;
    }

    /** Resolution level of a multi-resolution file, 0 = full resolution. */
    public int level() {
        return level;
    }

    /** Cache for lazily loaded blocks. */
    public BlockCache cache() {
        return cache != null ? cache : BlockCache.shared();
    }

    public ReadOptions withVoxelSize(VoxelSize v) {
        return new ReadOptions(v, orientation, glob, setup, timepoint, level, cache);
    }

    public ReadOptions withOrientation(Orientation o) {
        return new ReadOptions(voxelSizeUm, o, glob, setup, timepoint, level, cache);
    }

    public ReadOptions withGlob(String g) {
        return new ReadOptions(voxelSizeUm, orientation, g, setup, timepoint, level, cache);
    }

    public ReadOptions withSetup(int s) {
        return new ReadOptions(voxelSizeUm, orientation, glob, s, timepoint, level, cache);
    }

    public ReadOptions withTimepoint(int t) {
        return new ReadOptions(voxelSizeUm, orientation, glob, setup, t, level, cache);
    }

    public ReadOptions withLevel(int l) {
        return new ReadOptions(voxelSizeUm, orientation, glob, setup, timepoint, l, cache);
    }

    public ReadOptions withCache(BlockCache c) {
        return new ReadOptions(voxelSizeUm, orientation, glob, setup, timepoint, level, c);
    }
}
