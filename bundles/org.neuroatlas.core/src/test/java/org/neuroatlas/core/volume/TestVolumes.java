package org.neuroatlas.core.volume;

import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/** Small in-memory volumes for tests. */
public final class TestVolumes {

    private TestVolumes() {
    }

    /** Random uint16 voxels (seeded), x fastest. */
    public static Volume<UnsignedShortType> randomUint16(long seed, int nx, int ny, int nz, VoxelSize v) {
        ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(nx, ny, nz);
        short[] a = img.update(null).getCurrentStorageArray();
        Random r = new Random(seed);
        for (int i = 0; i < a.length; i++) {
            a[i] = (short) r.nextInt(65536);
        }
        return Volume.of(img, v, PixelType.UINT16, "random-" + seed);
    }

    /** Float voxels with value f(x, y, z). */
    public static Volume<FloatType> floats(int nx, int ny, int nz, VoxelSize v, VoxelFunction f) {
        ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(nx, ny, nz);
        float[] a = img.update(null).getCurrentStorageArray();
        int i = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    a[i++] = (float) f.value(x, y, z);
                }
            }
        }
        return Volume.of(img, v, PixelType.FLOAT32, "floats");
    }

    @FunctionalInterface
    public interface VoxelFunction {
        double value(int x, int y, int z);
    }
}
