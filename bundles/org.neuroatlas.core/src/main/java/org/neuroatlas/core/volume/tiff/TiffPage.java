package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.PixelType;

/**
 * The image layout of one TIFF page (IFD), checked for what this reader supports: one sample per pixel of 8, 16
 * or 32 bits, unsigned integer or float, stored in strips or tiles, uncompressed or LZW/Deflate/PackBits.
 * Strip and tile tables are not read here (see {@link #chunks}) so that thousands of pages stay cheap.
 */
final class TiffPage {

    private final int width;
    private final int height;
    private final PixelType pixelType;
    private final int compression;
    private final int predictor;
    private final boolean tiled;
    /** Rows of pixels per strip (0 when tiled). */
    private final int rowsPerStrip;
    /** Tile size in pixels (0 when stripped). */
    private final int tileWidth;
    private final int tileHeight;
    private final Ifd.Entry offsetsEntry;
    private final Ifd.Entry countsEntry;
    private final ByteOrder order;
    private final long subfileType;

    private TiffPage(int width, int height, PixelType pixelType, int compression, int predictor, boolean tiled, int rowsPerStrip,
            int tileWidth, int tileHeight, Ifd.Entry offsetsEntry, Ifd.Entry countsEntry, ByteOrder order, long subfileType) {
        this.width = width;
        this.height = height;
        this.pixelType = pixelType;
        this.compression = compression;
        this.predictor = predictor;
        this.tiled = tiled;
        this.rowsPerStrip = rowsPerStrip;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.offsetsEntry = offsetsEntry;
        this.countsEntry = countsEntry;
        this.order = order;
        this.subfileType = subfileType;
    }

    /**
     * Checks an IFD and describes its image.
     *
     * @param where "page 3: " in a multi-page file, "" for a single-plane file; prefixes problems in messages
     * @throws InputException naming the file if the page uses a feature this reader does not support
     */
    static TiffPage of(Ifd ifd, Path file, ByteOrder order, String where) {
        long w = ifd.scalar(TiffTag.IMAGE_WIDTH, 0);
        long h = ifd.scalar(TiffTag.IMAGE_LENGTH, 0);
        if (w <= 0 || h <= 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw TiffInput.corrupt(file, where + "image size " + w + "×" + h + " is invalid");
        }
        int spp = (int) ifd.scalar(TiffTag.SAMPLES_PER_PIXEL, 1);
        if (spp != 1) {
            throw unsupported(file, where + spp + " samples per pixel (RGB or multi-channel interleaved) are not supported",
                    "Export each channel as its own single-channel (greyscale) 8-, 16- or 32-bit TIFF, e.g. in Fiji: "
                            + "Image > Color > Split Channels, then save the channel you need");
        }
        int bits = (int) ifd.scalar(TiffTag.BITS_PER_SAMPLE, 1);
        int sampleFormat = (int) ifd.scalar(TiffTag.SAMPLE_FORMAT, 1);
        PixelType type = pixelType(file, where, bits, sampleFormat);
        int compression = (int) ifd.scalar(TiffTag.COMPRESSION, TiffTag.COMPRESSION_NONE);
        switch (compression) {
            case TiffTag.COMPRESSION_NONE, TiffTag.COMPRESSION_LZW, TiffTag.COMPRESSION_DEFLATE,
                    TiffTag.COMPRESSION_DEFLATE_OLD, TiffTag.COMPRESSION_PACKBITS -> {
                // supported
            }
            default -> throw unsupported(file, where + TiffTag.compressionName(compression) + " compression is not supported",
                    "Re-save it uncompressed or with LZW, Deflate (zip) or PackBits compression");
        }
        int predictor = (int) ifd.scalar(TiffTag.PREDICTOR, 1);
        if (predictor != 1 && predictor != 2) {
            throw unsupported(file, where + (predictor == 3 ? "the floating-point predictor (3)" : "predictor " + predictor)
                    + " is not supported", "Re-save it without a predictor, or with the horizontal-differencing predictor");
        }
        long subfileType = ifd.scalar(TiffTag.NEW_SUBFILE_TYPE, 0);
        if (ifd.has(TiffTag.TILE_WIDTH) || ifd.has(TiffTag.TILE_OFFSETS)) {
            long tw = ifd.scalar(TiffTag.TILE_WIDTH, 0);
            long th = ifd.scalar(TiffTag.TILE_LENGTH, 0);
            if (tw <= 0 || th <= 0 || tw > 1 << 16 || th > 1 << 16) {
                throw TiffInput.corrupt(file, where + "tile size " + tw + "×" + th + " is invalid");
            }
            Ifd.Entry offsets = require(ifd, TiffTag.TILE_OFFSETS, file, where);
            Ifd.Entry counts = ifd.entry(TiffTag.TILE_BYTE_COUNTS);
            if (counts == null && compression != TiffTag.COMPRESSION_NONE) {
                throw TiffInput.corrupt(file, where + "compressed tiles without TileByteCounts");
            }
            TiffPage p = new TiffPage((int) w, (int) h, type, compression, predictor, true, 0, (int) tw, (int) th, offsets, counts,
                    order, subfileType);
            p.checkChunkCount(file, where);
            return p;
        }
        long rps = ifd.scalar(TiffTag.ROWS_PER_STRIP, h);
        if (rps <= 0) {
            throw TiffInput.corrupt(file, where + "RowsPerStrip is " + rps);
        }
        Ifd.Entry offsets = require(ifd, TiffTag.STRIP_OFFSETS, file, where);
        Ifd.Entry counts = ifd.entry(TiffTag.STRIP_BYTE_COUNTS);
        if (counts == null && compression != TiffTag.COMPRESSION_NONE) {
            throw TiffInput.corrupt(file, where + "compressed strips without StripByteCounts");
        }
        TiffPage p = new TiffPage((int) w, (int) h, type, compression, predictor, false, (int) Math.min(rps, h), 0, 0, offsets,
                counts, order, subfileType);
        p.checkChunkCount(file, where);
        return p;
    }

    private static PixelType pixelType(Path file, String where, int bits, int sampleFormat) {
        // SampleFormat 4 ("undefined") is what some writers put for plain unsigned data.
        boolean unsigned = sampleFormat == 1 || sampleFormat == 4;
        if (unsigned && bits == 8) {
            return PixelType.UINT8;
        }
        if (unsigned && bits == 16) {
            return PixelType.UINT16;
        }
        if (unsigned && bits == 32) {
            return PixelType.UINT32;
        }
        if (sampleFormat == 3 && bits == 32) {
            return PixelType.FLOAT32;
        }
        String what = switch (sampleFormat) {
            case 2 -> "signed " + bits + "-bit integer samples are";
            case 3 -> bits + "-bit floating-point samples are";
            case 5, 6 -> "complex samples are";
            default -> unsigned ? bits + "-bit samples are" : "sample format " + sampleFormat + " is";
        };
        throw unsupported(file, where + what + " not supported (supported: unsigned 8, 16 or 32 bit, 32-bit float)",
                "Export it as single-channel 16-bit (or 8-bit, or 32-bit float) TIFF, e.g. in Fiji with Image > Type");
    }

    private static Ifd.Entry require(Ifd ifd, int tag, Path file, String where) {
        Ifd.Entry e = ifd.entry(tag);
        if (e == null || e.count() == 0) {
            throw TiffInput.corrupt(file, where + "no " + (tag == TiffTag.TILE_OFFSETS ? "TileOffsets" : "StripOffsets")
                    + " entry, so the pixels cannot be found");
        }
        return e;
    }

    private void checkChunkCount(Path file, String where) {
        long needed = chunkCount();
        if (offsetsEntry.count() < needed || (countsEntry != null && countsEntry.count() < needed)) {
            throw TiffInput.corrupt(file, where + "it lists " + offsetsEntry.count() + " " + (tiled ? "tiles" : "strips")
                    + " but its size needs " + needed);
        }
    }

    static InputException unsupported(Path file, String problem, String remedy) {
        return InputException.file(file, problem, remedy);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    PixelType pixelType() {
        return pixelType;
    }

    int compression() {
        return compression;
    }

    int predictor() {
        return predictor;
    }

    boolean tiled() {
        return tiled;
    }

    int rowsPerStrip() {
        return rowsPerStrip;
    }

    int tileWidth() {
        return tileWidth;
    }

    int tileHeight() {
        return tileHeight;
    }

    ByteOrder order() {
        return order;
    }

    /** True for a reduced-resolution copy (thumbnail or pyramid level), which is not a z plane. */
    boolean isReducedResolution() {
        return (subfileType & 1) != 0;
    }

    int tilesAcross() {
        return (int) ((width + (long) tileWidth - 1) / tileWidth);
    }

    int tilesDown() {
        return (int) ((height + (long) tileHeight - 1) / tileHeight);
    }

    /** Number of strips or tiles that make up the image. */
    long chunkCount() {
        return tiled ? (long) tilesAcross() * tilesDown() : (height + (long) rowsPerStrip - 1) / rowsPerStrip;
    }

    /** Bytes of one row of pixels, uncompressed. */
    long rowBytes() {
        return (long) width * pixelType.bytesPerVoxel();
    }

    /** Bytes of the whole plane, uncompressed. */
    long planeBytes() {
        return rowBytes() * height;
    }

    /** Bytes of one strip or tile, uncompressed (edge tiles are stored at full size). */
    long chunkBytes() {
        return tiled ? (long) tileWidth * tileHeight * pixelType.bytesPerVoxel() : rowBytes() * rowsPerStrip;
    }

    boolean sameImage(TiffPage o) {
        return width == o.width && height == o.height && pixelType == o.pixelType;
    }

    /** "667×510 uint16" */
    String describe() {
        return width + "×" + height + " " + pixelType;
    }

    /** "LZW + horizontal predictor", "none", … */
    String compressionLabel() {
        String c = TiffTag.compressionName(compression);
        return predictor == 2 ? c + " + horizontal predictor" : c;
    }

    /** "stripped, 16 rows per strip" or "tiled, 256×256 tiles". */
    String layoutLabel() {
        return tiled ? "tiled, " + tileWidth + "×" + tileHeight + " tiles"
                : "stripped, " + rowsPerStrip + (rowsPerStrip == 1 ? " row" : " rows") + " per strip";
    }

    /**
     * Reads the strip or tile table. Missing byte counts (allowed for uncompressed data) are computed.
     *
     * @param where names the page in error messages
     */
    Chunks chunks(TiffInput in, String where) throws IOException {
        int n = (int) chunkCount();
        long[] offsets = Ifd.longs(offsetsEntry, in, where + (tiled ? "tile offsets" : "strip offsets"));
        long[] counts;
        if (countsEntry != null) {
            counts = Ifd.longs(countsEntry, in, where + (tiled ? "tile byte counts" : "strip byte counts"));
        } else {
            counts = new long[offsets.length];
            for (int i = 0; i < n; i++) {
                counts[i] = tiled ? chunkBytes() : rowBytes() * stripRows(i);
            }
        }
        return new Chunks(offsets, counts);
    }

    /** Rows actually in strip {@code s} (the last strip may be shorter). */
    int stripRows(int s) {
        return (int) Math.min(rowsPerStrip, height - (long) s * rowsPerStrip);
    }

    /**
     * Where the strips or tiles of one plane are.
     *
     * @param offsets    file offset of each strip/tile
     * @param byteCounts stored (possibly compressed) length of each
     */
    record Chunks(long[] offsets, long[] byteCounts) {

        /** The same table moved {@code delta} bytes further into the file (planes of an ImageJ contiguous stack). */
        Chunks shifted(long delta) {
            long[] o = offsets.clone();
            for (int i = 0; i < o.length; i++) {
                o[i] += delta;
            }
            return new Chunks(o, byteCounts);
        }

        /** True if the first {@code n} chunks follow each other in the file without gaps. */
        boolean contiguous(int n) {
            for (int i = 1; i < n; i++) {
                if (offsets[i] != offsets[i - 1] + byteCounts[i - 1]) {
                    return false;
                }
            }
            return true;
        }
    }
}
