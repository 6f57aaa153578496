package org.neuroatlas.core.cli;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.LazyVolumes;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/** A lazily computed uint16 volume of any size (for benchmarks): a cheap deterministic pattern, plane by plane. */
final class SyntheticVolume {

    private SyntheticVolume() {
    }

    static Volume<UnsignedShortType> uint16(int nx, int ny, long nz, VoxelSize v) {
        RandomAccessibleInterval<UnsignedShortType> img = LazyVolumes.create(new long[] {nx, ny, nz}, new int[] {nx, ny, 1}, PixelType.UINT16,
                (min, size) -> {
                    short[] a = new short[size[0] * size[1]];
                    long z = min[2];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = (short) ((i * 31 + z * 7) & 0x0fff);
                    }
                    return a;
                }, BlockCache.shared(), BlockCache.newOwner());
        return Volume.of(img, v, PixelType.UINT16, "synthetic");
    }
}
