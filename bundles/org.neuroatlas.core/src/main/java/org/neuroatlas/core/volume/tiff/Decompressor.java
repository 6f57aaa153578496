package org.neuroatlas.core.volume.tiff;

import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Turns one stored strip or tile into its raw sample bytes: decompression, then the predictor. */
final class Decompressor {

    /** Inflaters hold native memory; one per thread, reset between strips, avoids allocating one per strip. */
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

    private Decompressor() {
    }

    /**
     * Decodes {@code srcLen} stored bytes into exactly {@code dst.length} raw bytes.
     *
     * @param rows       rows in {@code dst} (for the predictor)
     * @param rowSamples samples per row in {@code dst}
     * @throws DataFormatException if the data is corrupt or decodes to fewer bytes than the chunk needs
     */
    static void decode(TiffPage page, byte[] src, int srcLen, byte[] dst, int rows, int rowSamples) throws DataFormatException {
        int n = switch (page.compression()) {
            case TiffTag.COMPRESSION_NONE -> {
                int k = Math.min(srcLen, dst.length);
                System.arraycopy(src, 0, dst, 0, k);
                yield k;
            }
            case TiffTag.COMPRESSION_LZW -> LzwDecoder.decode(src, srcLen, dst);
            case TiffTag.COMPRESSION_DEFLATE, TiffTag.COMPRESSION_DEFLATE_OLD -> inflate(src, srcLen, dst);
            case TiffTag.COMPRESSION_PACKBITS -> PackBitsDecoder.decode(src, srcLen, dst);
            default -> throw new IllegalStateException("unchecked compression " + page.compression());
        };
        if (n < dst.length) {
            throw new DataFormatException(TiffTag.compressionName(page.compression()) + " data decoded to " + n + " bytes, "
                    + dst.length + " expected");
        }
        if (page.predictor() == 2) {
            ByteOrder order = page.order();
            Predictor.undoHorizontal(dst, rows, rowSamples, page.pixelType().bytesPerVoxel(), order);
        }
    }

    private static int inflate(byte[] src, int srcLen, byte[] dst) throws DataFormatException {
        Inflater inf = INFLATERS.get();
        inf.reset();
        inf.setInput(src, 0, srcLen);
        int out = 0;
        while (out < dst.length) {
            int k = inf.inflate(dst, out, dst.length - out);
            out += k;
            if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
                break;
            }
        }
        return out;
    }
}
