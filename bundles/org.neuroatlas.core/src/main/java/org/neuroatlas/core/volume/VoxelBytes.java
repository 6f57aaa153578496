package org.neuroatlas.core.volume;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * Bulk conversion between voxel bytes in a file's byte order and the primitive voxel arrays of a
 * {@link PixelType}; shared by every reader and writer. Unsigned values land in the signed primitive of the same
 * width, as ImgLib2 holds them. Goes through typed NIO views, so a run of samples is one intrinsic copy (with byte swapping
 * when the order differs from the machine's) instead of a per-voxel loop.
 */
public final class VoxelBytes {

    private VoxelBytes() {
    }

    /**
     * A typed view of {@code bytes} from its position on, in {@code order}: the buffer itself for bytes, else a
     * ShortBuffer, IntBuffer or FloatBuffer. Sample {@code i} of the view is at byte {@code position + i·size}.
     */
    public static Buffer view(ByteBuffer bytes, ByteOrder order, PixelType type) {
        ByteBuffer b = bytes.duplicate().order(order);
        return switch (type) {
            case UINT8 -> b.slice();
            case UINT16 -> b.asShortBuffer();
            case UINT32 -> b.asIntBuffer();
            case FLOAT32 -> b.asFloatBuffer();
        };
    }

    /** Copies {@code count} samples from view index {@code from} into {@code dst[dstIndex…]}. */
    public static void get(Buffer view, int from, Object dst, int dstIndex, int count) {
        if (view instanceof ByteBuffer b) {
            b.get(from, (byte[]) dst, dstIndex, count);
        } else if (view instanceof ShortBuffer s) {
            s.get(from, (short[]) dst, dstIndex, count);
        } else if (view instanceof IntBuffer i) {
            i.get(from, (int[]) dst, dstIndex, count);
        } else {
            ((FloatBuffer) view).get(from, (float[]) dst, dstIndex, count);
        }
    }

    /** Copies {@code count} samples from {@code src[srcIndex…]} into the view at index {@code to}. */
    public static void put(Object src, int srcIndex, Buffer view, int to, int count) {
        if (view instanceof ByteBuffer b) {
            b.put(to, (byte[]) src, srcIndex, count);
        } else if (view instanceof ShortBuffer s) {
            s.put(to, (short[]) src, srcIndex, count);
        } else if (view instanceof IntBuffer i) {
            i.put(to, (int[]) src, srcIndex, count);
        } else {
            ((FloatBuffer) view).put(to, (float[]) src, srcIndex, count);
        }
    }

    /**
     * Decodes {@code n} voxels from {@code bytes} at its position, in the buffer's byte order.
     *
     * @return byte[], short[], int[] or float[] of length {@code n}
     */
    public static Object decode(ByteBuffer bytes, PixelType type, int n) {
        Object out = type.newArray(n);
        get(view(bytes, bytes.order(), type), 0, out, 0, n);
        return out;
    }

    /** Encodes the whole array {@code voxels} into {@code out} at its position, in its order, and advances the position. */
    public static void encode(Object voxels, PixelType type, ByteBuffer out) {
        int n = java.lang.reflect.Array.getLength(voxels);
        put(voxels, 0, view(out, out.order(), type), 0, n);
        out.position(out.position() + n * type.bytesPerVoxel());
    }
}
