package org.neuroatlas.core.volume.nrrd;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.VoxelSize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;

/** In-memory volumes with known voxels, and whole-volume reads, for the reader and writer tests. */
public final class TestVolumes {

    private TestVolumes() {
    }

    /** A primitive array of {@code n} voxels of {@code type}, voxel i = {@code value(i)} cast to the type's width. */
    public static Object array(PixelType type, int n, IntToDoubleFunction value) {
        Object a = type.newArray(n);
        for (int i = 0; i < n; i++) {
            double v = value.applyAsDouble(i);
            switch (type) {
                case UINT8 -> ((byte[]) a)[i] = (byte) (long) v;
                case UINT16 -> ((short[]) a)[i] = (short) (long) v;
                case UINT32 -> ((int[]) a)[i] = (int) (long) v;
                case FLOAT32 -> ((float[]) a)[i] = (float) v;
            }
        }
        return a;
    }

    /**
     * Voxels that exercise a type: position-dependent values, the type's extremes and, for float, negative and
     * non-integer values.
     */
    public static Object pattern(PixelType type, int n) {
        return array(type, n, i -> switch (type) {
            case UINT8 -> i == 0 ? 255 : (i * 7 + 3) % 256;
            case UINT16 -> i == 0 ? 65535 : (i * 977L + 11) % 65536;
            case UINT32 -> i == 0 ? 4294967295.0 : (i * 2654435761L) % 4294967296L;
            case FLOAT32 -> i == 0 ? -1.5e30 : (i % 2 == 0 ? -1 : 1) * i * 0.37;
        });
    }

    /** An in-memory volume over {@code voxels} (x fastest). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Volume<?> volume(PixelType type, long[] dims, Object voxels, VoxelSize voxelSize) {
        RandomAccessibleInterval img = switch (type) {
            case UINT8 -> ArrayImgs.unsignedBytes((byte[]) voxels, dims);
            case UINT16 -> ArrayImgs.unsignedShorts((short[]) voxels, dims);
            case UINT32 -> ArrayImgs.unsignedInts((int[]) voxels, dims);
            case FLOAT32 -> ArrayImgs.floats((float[]) voxels, dims);
        };
        return Volume.of(img, voxelSize, type, "test-" + type);
    }

    /** All voxels of a (small) volume, x fastest. */
    public static Object readAll(Volume<?> v) {
        return VolumeBlocks.read(v, new long[3], new int[] {(int) v.sizeX(), (int) v.sizeY(), (int) v.sizeZ()});
    }

    /** Compares two primitive voxel arrays of the same type bit for bit. */
    public static boolean sameVoxels(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof short[] x && b instanceof short[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof int[] x && b instanceof int[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof float[] x && b instanceof float[] y) {
            return Arrays.equals(x, y);
        }
        return false;
    }
}
