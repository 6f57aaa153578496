package org.neuroatlas.core.register;

import java.util.function.ObjIntConsumer;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.LazyVolumes;
import org.neuroatlas.core.volume.PixelType;

/** Lazily computed volumes whose voxels come plane by plane from a function (one block per plane, nothing held). */
final class PlaneVolumes {

    private PlaneVolumes() {
    }

    /**
     * @param plane fills a whole plane (an array of {@code type}'s primitive kind, nx × ny, x fastest) for plane z
     */
    static <T extends RealType<T> & NativeType<T>> RandomAccessibleInterval<T> lazy(int nx, int ny, int nz, PixelType type, ObjIntConsumer<Object> plane) {
        return LazyVolumes.create(new long[] {nx, ny, nz}, new int[] {nx, ny, 1}, type, (min, size) -> {
            Object out = type.newArray(size[0] * size[1] * size[2]);
            Object whole = type.newArray(nx * ny);
            for (int k = 0; k < size[2]; k++) {
                plane.accept(whole, (int) min[2] + k);
                for (int j = 0; j < size[1]; j++) {
                    System.arraycopy(whole, (int) ((min[1] + j) * nx + min[0]), out, (k * size[1] + j) * size[0], size[0]);
                }
            }
            return out;
        }, BlockCache.shared(), BlockCache.newOwner());
    }
}
