package org.neuroatlas.core.volume;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The voxel types NeuroAtlas reads and writes. Each maps to one ImgLib2 type and one primitive array type
 * (byte[], short[], int[], float[]) in which blocks are held; unsigned values are stored in the signed Java
 * primitive of the same width, as ImgLib2 does.
 */
public enum PixelType {
    UINT8("uint8", 1, false),
    UINT16("uint16", 2, false),
    UINT32("uint32", 4, false),
    FLOAT32("float32", 4, true);

    private final String label;
    private final int bytesPerVoxel;
    private final boolean floatingPoint;

    PixelType(String label, int bytesPerVoxel, boolean floatingPoint) {
        this.label = label;
        this.bytesPerVoxel = bytesPerVoxel;
        this.floatingPoint = floatingPoint;
    }

    /** Bytes per voxel in memory and in uncompressed files. */
    public int bytesPerVoxel() {
        return bytesPerVoxel;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** Largest representable value (for integer types) or {@code Float.MAX_VALUE}. */
    public double maxValue() {
        return switch (this) {
            case UINT8 -> 255;
            case UINT16 -> 65535;
            case UINT32 -> 4294967295.0;
            case FLOAT32 -> Float.MAX_VALUE;
        };
    }

    /** The name used in tables and by {@code info}: uint8, uint16, uint32, float32. */
    @Override
    public String toString() {
        return label;
    }

    /** Parses {@code uint8|uint16|uint32|float32} (case-insensitive). */
    public static PixelType parse(String text) {
        for (PixelType t : values()) {
            if (t.label.equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown pixel type '" + text + "' (expected uint8, uint16, uint32 or float32)");
    }

    /** A new ImgLib2 variable of this type. */
    @SuppressWarnings("unchecked")
    public <T extends RealType<T> & NativeType<T>> T createVariable() {
        return (T) switch (this) {
            case UINT8 -> new UnsignedByteType();
            case UINT16 -> new UnsignedShortType();
            case UINT32 -> new UnsignedIntType();
            case FLOAT32 -> new FloatType();
        };
    }

    /** A zeroed primitive array of {@code n} voxels: byte[], short[], int[] or float[]. */
    public Object newArray(int n) {
        return switch (this) {
            case UINT8 -> new byte[n];
            case UINT16 -> new short[n];
            case UINT32 -> new int[n];
            case FLOAT32 -> new float[n];
        };
    }

    /** Wraps a primitive array of this type as ImgLib2 data access. */
    public ArrayDataAccess<?> wrap(Object array) {
        return switch (this) {
            case UINT8 -> new ByteArray((byte[]) array);
            case UINT16 -> new ShortArray((short[]) array);
            case UINT32 -> new IntArray((int[]) array);
            case FLOAT32 -> new FloatArray((float[]) array);
        };
    }

    /** Voxel {@code i} of a primitive array of this type, as a double (unsigned types read as unsigned). */
    public double get(Object array, int i) {
        return switch (this) {
            case UINT8 -> ((byte[]) array)[i] & 0xff;
            case UINT16 -> ((short[]) array)[i] & 0xffff;
            case UINT32 -> ((int[]) array)[i] & 0xffffffffL;
            case FLOAT32 -> ((float[]) array)[i];
        };
    }
}
