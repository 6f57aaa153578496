package org.neuroatlas.core.volume.tiff;

import java.util.Locale;

import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Where everything goes in a multi-page TIFF written by {@link TiffWriter}, planned before writing: header, first
 * IFD with the ImageJ description, all planes back to back (ImageJ reads stacks as one contiguous run from the
 * first IFD and ignores the others), then the IFDs of the remaining planes, which other readers follow.
 * <p>
 * Planning the exact file length decides between classic TIFF and BigTIFF: classic only if every offset fits in
 * 32 bits, i.e. the whole file is shorter than 4 GiB.
 */
final class StackLayout {

    /** ImageJ reads calibration from descriptions that start like this; the version is what other writers use too. */
    static final String IMAGEJ_VERSION = "1.11a";

    /** Strips of about this size: small enough for readers that load whole strips, large enough to keep tables short. */
    static final long TARGET_STRIP_BYTES = 256 << 10;

    private static final long CLASSIC_LIMIT = 0xFFFFFFFFL;

    final int width;
    final int height;
    final int planes;
    final PixelType type;
    final VoxelSize voxelSizeUm;
    final boolean bigTiff;
    final int rowsPerStrip;
    final int stripsPerPlane;
    final long planeBytes;
    final long dataStart;
    final long tailStart;
    final long tailIfdBytes;
    final long totalBytes;
    private final String description;

    private StackLayout(int width, int height, int planes, PixelType type, VoxelSize voxelSizeUm, boolean bigTiff) {
        this.width = width;
        this.height = height;
        this.planes = planes;
        this.type = type;
        this.voxelSizeUm = voxelSizeUm;
        this.bigTiff = bigTiff;
        long rowBytes = (long) width * type.bytesPerVoxel();
        this.rowsPerStrip = (int) Math.max(1, Math.min(height, TARGET_STRIP_BYTES / rowBytes));
        this.stripsPerPlane = (height + rowsPerStrip - 1) / rowsPerStrip;
        this.planeBytes = rowBytes * height;
        this.description = description(planes, voxelSizeUm);
        long headerBytes = bigTiff ? 16 : 8;
        this.dataStart = headerBytes + ifd(0).size();
        this.tailStart = align8(dataStart + planes * planeBytes);
        this.tailIfdBytes = planes > 1 ? ifd(1).size() : 0;
        this.totalBytes = planes > 1 ? tailStart + (planes - 1) * tailIfdBytes : dataStart + planeBytes;
    }

    /**
     * Plans a file of {@code planes} planes of {@code width × height} voxels.
     *
     * @param voxelSizeUm written as ImageJ calibration; may be null (then none is written)
     * @param forceBigTiff BigTIFF even if classic TIFF would do
     */
    static StackLayout plan(int width, int height, int planes, PixelType type, VoxelSize voxelSizeUm, boolean forceBigTiff) {
        if (!forceBigTiff) {
            StackLayout classic = new StackLayout(width, height, planes, type, voxelSizeUm, false);
            if (classic.totalBytes <= CLASSIC_LIMIT) {
                return classic;
            }
        }
        return new StackLayout(width, height, planes, type, voxelSizeUm, true);
    }

    private static long align8(long v) {
        return (v + 7) & ~7L;
    }

    /** File offset of plane {@code z}'s pixels. */
    long planeOffset(int z) {
        return dataStart + z * planeBytes;
    }

    /** File offset of plane {@code z}'s IFD. */
    long ifdOffset(int z) {
        return z == 0 ? (bigTiff ? 16 : 8) : tailStart + (z - 1) * tailIfdBytes;
    }

    /** The IFD of plane {@code z} (the first one also carries the description). */
    IfdEncoder ifd(int z) {
        long[] offsets = new long[stripsPerPlane];
        long[] counts = new long[stripsPerPlane];
        long rowBytes = (long) width * type.bytesPerVoxel();
        for (int s = 0; s < stripsPerPlane; s++) {
            int rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
            offsets[s] = planeOffset(z) + (long) s * rowsPerStrip * rowBytes;
            counts[s] = rows * rowBytes;
        }
        IfdEncoder e = new IfdEncoder(bigTiff)
                .longValue(TiffTag.NEW_SUBFILE_TYPE, 0) // full-resolution image
                .longValue(TiffTag.IMAGE_WIDTH, width)
                .longValue(TiffTag.IMAGE_LENGTH, height)
                .shortValue(TiffTag.BITS_PER_SAMPLE, type.bytesPerVoxel() * 8)
                .shortValue(TiffTag.COMPRESSION, TiffTag.COMPRESSION_NONE)
                .shortValue(TiffTag.PHOTOMETRIC, 1) // black is zero
                .offsets(TiffTag.STRIP_OFFSETS, offsets)
                .shortValue(TiffTag.SAMPLES_PER_PIXEL, 1)
                .longValue(TiffTag.ROWS_PER_STRIP, rowsPerStrip)
                .offsets(TiffTag.STRIP_BYTE_COUNTS, counts)
                .shortValue(TiffTag.PLANAR_CONFIGURATION, 1)
                .shortValue(TiffTag.SAMPLE_FORMAT, type.isFloatingPoint() ? 3 : 1);
        if (z == 0) {
            e.ascii(TiffTag.IMAGE_DESCRIPTION, description);
        }
        if (voxelSizeUm != null) {
            long[] xr = pixelsPerMicron(voxelSizeUm.xUm());
            long[] yr = pixelsPerMicron(voxelSizeUm.yUm());
            e.rational(TiffTag.X_RESOLUTION, xr[0], xr[1])
                    .rational(TiffTag.Y_RESOLUTION, yr[0], yr[1])
                    .shortValue(TiffTag.RESOLUTION_UNIT, 1); // none: the unit is in the ImageJ description
        }
        return e;
    }

    /**
     * 1/{@code um} as a rational {numerator, denominator}: {@code 10^k / round(um·10^k)} with the largest k that
     * fits in 32 bits, so that a reader computing denominator/numerator gets back the decimal it was given.
     */
    static long[] pixelsPerMicron(double um) {
        long scale = 1_000_000_000L;
        while (scale > 1 && Math.round(um * scale) > CLASSIC_LIMIT) {
            scale /= 10;
        }
        long den = Math.max(1, Math.min(CLASSIC_LIMIT, Math.round(um * scale)));
        return new long[] {scale, den};
    }

    /** ImageJ's description: plane count, unit and z spacing, so that Fiji and our reader see the calibration. */
    static String description(int planes, VoxelSize voxelSizeUm) {
        StringBuilder sb = new StringBuilder("ImageJ=").append(IMAGEJ_VERSION).append('\n');
        if (planes > 1) {
            sb.append("images=").append(planes).append('\n');
            sb.append("slices=").append(planes).append('\n');
        }
        if (voxelSizeUm != null) {
            sb.append("unit=micron\n");
            sb.append("spacing=").append(number(voxelSizeUm.zUm())).append('\n');
        }
        if (planes > 1) {
            sb.append("loop=false\n");
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) + ".0" : String.format(Locale.ROOT, "%s", v);
    }
}
