package org.neuroatlas.core.volume.nrrd;

import java.nio.ByteBuffer;

import org.neuroatlas.core.volume.PixelType;

/**
 * Turns stored voxel bytes into the primitive arrays that blocks are held in. Shared by the NRRD and HDF5 readers.
 * <p>
 * Implementation note: belongs in {@code org.neuroatlas.core.volume}; see {@link LengthUnits}.
 */
public final class VoxelBytes {

    private VoxelBytes() {
    }

    /**
     * Decodes {@code n} voxels of {@code type} from {@code bytes} at its position, in the buffer's byte order (set
     * it to the file's order first). Unsigned values land in the signed primitive of the same width, as ImgLib2
     * holds them, so an int16 file holding uint16 values decodes unchanged.
     *
     * @return byte[], short[], int[] or float[] of length {@code n}
     */
    public static Object decode(ByteBuffer bytes, PixelType type, int n) {
        Object out = type.newArray(n);
        switch (type) {
            case UINT8 -> bytes.get((byte[]) out);
            case UINT16 -> bytes.asShortBuffer().get((short[]) out);
            case UINT32 -> bytes.asIntBuffer().get((int[]) out);
            case FLOAT32 -> bytes.asFloatBuffer().get((float[]) out);
        }
        return out;
    }

    /** Encodes the whole primitive array {@code voxels} of {@code type} into {@code out} at its position, in its order. */
    public static void encode(Object voxels, PixelType type, ByteBuffer out) {
        switch (type) {
            case UINT8 -> out.put((byte[]) voxels);
            case UINT16 -> {
                short[] a = (short[]) voxels;
                out.asShortBuffer().put(a);
                out.position(out.position() + 2 * a.length);
            }
            case UINT32 -> {
                int[] a = (int[]) voxels;
                out.asIntBuffer().put(a);
                out.position(out.position() + 4 * a.length);
            }
            case FLOAT32 -> {
                float[] a = (float[]) voxels;
                out.asFloatBuffer().put(a);
                out.position(out.position() + 4 * a.length);
            }
        }
    }
}
