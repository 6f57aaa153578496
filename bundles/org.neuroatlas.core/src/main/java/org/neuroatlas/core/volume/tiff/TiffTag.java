package org.neuroatlas.core.volume.tiff;

/** The TIFF tags and field types this package reads or writes (TIFF 6.0, BigTIFF, Adobe supplements). */
final class TiffTag {

    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int IMAGE_DESCRIPTION = 270;
    static final int STRIP_OFFSETS = 273;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int ROWS_PER_STRIP = 278;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int X_RESOLUTION = 282;
    static final int Y_RESOLUTION = 283;
    static final int PLANAR_CONFIGURATION = 284;
    static final int RESOLUTION_UNIT = 296;
    static final int SOFTWARE = 305;
    static final int PREDICTOR = 317;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int SAMPLE_FORMAT = 339;

    // field types
    static final int BYTE = 1;
    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;
    static final int SBYTE = 6;
    static final int UNDEFINED = 7;
    static final int SSHORT = 8;
    static final int SLONG = 9;
    static final int SRATIONAL = 10;
    static final int FLOAT = 11;
    static final int DOUBLE = 12;
    static final int IFD = 13;
    static final int LONG8 = 16;
    static final int SLONG8 = 17;
    static final int IFD8 = 18;

    // compression schemes
    static final int COMPRESSION_NONE = 1;
    static final int COMPRESSION_LZW = 5;
    static final int COMPRESSION_DEFLATE = 8;
    static final int COMPRESSION_PACKBITS = 32773;
    static final int COMPRESSION_DEFLATE_OLD = 32946;

    private TiffTag() {
    }

    /** Bytes per value of field type {@code type}, or 0 for a type this reader does not know (such entries are skipped). */
    static int typeSize(int type) {
        return switch (type) {
            case BYTE, ASCII, SBYTE, UNDEFINED -> 1;
            case SHORT, SSHORT -> 2;
            case LONG, SLONG, FLOAT, IFD -> 4;
            case RATIONAL, SRATIONAL, DOUBLE, LONG8, SLONG8, IFD8 -> 8;
            default -> 0;
        };
    }

    /** A readable name for a compression code, for messages and {@code info}. */
    static String compressionName(int code) {
        return switch (code) {
            case COMPRESSION_NONE -> "none";
            case 2 -> "CCITT RLE";
            case 3 -> "CCITT Group 3 fax";
            case 4 -> "CCITT Group 4 fax";
            case COMPRESSION_LZW -> "LZW";
            case 6 -> "old-style JPEG";
            case 7 -> "JPEG";
            case COMPRESSION_DEFLATE -> "Deflate";
            case COMPRESSION_DEFLATE_OLD -> "Deflate (old code 32946)";
            case COMPRESSION_PACKBITS -> "PackBits";
            case 33003, 33005, 34712 -> "JPEG 2000";
            case 34887, 34888, 34889 -> "LERC";
            case 34925 -> "LZMA";
            case 34926, 50000 -> "Zstandard";
            case 34927, 50001 -> "WebP";
            case 50002 -> "JPEG XL";
            default -> "code " + code;
        };
    }
}
