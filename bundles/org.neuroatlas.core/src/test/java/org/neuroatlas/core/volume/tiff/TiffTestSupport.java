package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;

import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

import net.imglib2.img.array.ArrayImgs;

/** Shared helpers of the TIFF tests: voxel data, in-memory volumes, opening through {@link TiffFormat}. */
final class TiffTestSupport {

    static final TiffFormat FORMAT = new TiffFormat();

    private TiffTestSupport() {
    }

    /** Seeded random voxels whose first values are the type's extremes (0, max; NaN, ±0, ±inf, tiny, huge for float). */
    static Object randomVoxels(PixelType type, int n, long seed) {
        Random r = new Random(seed);
        Object a = type.newArray(n);
        switch (type) {
            case UINT8 -> {
                byte[] b = (byte[]) a;
                r.nextBytes(b);
                put(b, 0, (byte) 0, (byte) 255, (byte) 128, (byte) 1);
            }
            case UINT16 -> {
                short[] s = (short[]) a;
                for (int i = 0; i < n; i++) {
                    s[i] = (short) r.nextInt(65536);
                }
                put(s, 0, (short) 0, (short) 65535, (short) 32768, (short) 1);
            }
            case UINT32 -> {
                int[] v = (int[]) a;
                for (int i = 0; i < n; i++) {
                    v[i] = r.nextInt();
                }
                put(v, 0, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1);
            }
            case FLOAT32 -> {
                float[] f = (float[]) a;
                for (int i = 0; i < n; i++) {
                    f[i] = (float) (r.nextGaussian() * 1000);
                }
                put(f, 0, Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
                        Float.MAX_VALUE, -Float.MAX_VALUE);
            }
        }
        return a;
    }

    private static void put(Object array, int from, Object... values) {
        int n = java.lang.reflect.Array.getLength(array);
        for (int i = 0; i < values.length && from + i < n; i++) {
            java.lang.reflect.Array.set(array, from + i, values[i]);
        }
    }

    /** An in-memory volume over {@code data} (x fastest). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Volume<?> memoryVolume(PixelType type, int w, int h, int d, Object data, VoxelSize voxel) {
        Object img = switch (type) {
            case UINT8 -> ArrayImgs.unsignedBytes((byte[]) data, w, h, d);
            case UINT16 -> ArrayImgs.unsignedShorts((short[]) data, w, h, d);
            case UINT32 -> ArrayImgs.unsignedInts((int[]) data, w, h, d);
            case FLOAT32 -> ArrayImgs.floats((float[]) data, w, h, d);
        };
        return Volume.of((net.imglib2.RandomAccessibleInterval) img, voxel, type, "memory");
    }

    /** All voxels of a volume as one primitive array, x fastest. */
    static Object readAll(Volume<?> v) {
        long[] d = v.dimensions();
        return VolumeBlocks.read(v, new long[3], new int[] {(int) d[0], (int) d[1], (int) d[2]});
    }

    /** Header, then open with the file's voxel size, or 1,1,1 µm if it has none. */
    static Volume<?> open(Path path) throws IOException {
        return open(path, ReadOptions.defaults().withCache(new BlockCache(64L << 20)));
    }

    static Volume<?> open(Path path, ReadOptions options) throws IOException {
        VolumeHeader h = FORMAT.readHeader(path, options);
        if (h.voxelSizeUm().isEmpty()) {
            h = h.withVoxelSize(VoxelSize.isotropic(1));
        }
        return FORMAT.open(path, options, h);
    }

    /** Raw sample bytes of a primitive array in {@code order}, as a TIFF stores them uncompressed. */
    static byte[] bytes(PixelType type, Object voxels, ByteOrder order) {
        int n = java.lang.reflect.Array.getLength(voxels);
        ByteBuffer b = ByteBuffer.allocate(n * type.bytesPerVoxel()).order(order);
        switch (type) {
            case UINT8 -> b.put((byte[]) voxels);
            case UINT16 -> b.asShortBuffer().put((short[]) voxels);
            case UINT32 -> b.asIntBuffer().put((int[]) voxels);
            case FLOAT32 -> b.asFloatBuffer().put((float[]) voxels);
        }
        return b.array();
    }

    /** Bits per sample of a pixel type. */
    static int bits(PixelType t) {
        return t.bytesPerVoxel() * 8;
    }
}
