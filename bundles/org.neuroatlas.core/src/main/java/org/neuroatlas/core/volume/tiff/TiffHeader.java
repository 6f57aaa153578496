package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.neuroatlas.core.InputException;

/**
 * The 8-byte (classic) or 16-byte (BigTIFF) file header: byte order, flavour and where the first IFD is.
 *
 * @param order          byte order of every multi-byte value in the file
 * @param bigTiff        true for BigTIFF (magic 43, 8-byte offsets)
 * @param firstIfdOffset byte offset of the first IFD
 */
record TiffHeader(ByteOrder order, boolean bigTiff, long firstIfdOffset) {

    /** Reads the header and sets {@code in}'s byte order. */
    static TiffHeader read(TiffInput in) throws IOException {
        if (in.size() < 8) {
            throw notTiff(in, "it is only " + in.size() + " bytes long");
        }
        ByteBuffer b = in.read(0, (int) Math.min(16, in.size()), "file header");
        int b0 = b.get(0) & 0xff;
        int b1 = b.get(1) & 0xff;
        ByteOrder order;
        if (b0 == 'I' && b1 == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b0 == 'M' && b1 == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw notTiff(in, "it does not start with II or MM");
        }
        in.order(order);
        b.order(order);
        int magic = b.getShort(2) & 0xffff;
        if (magic == 42) {
            return new TiffHeader(order, false, b.getInt(4) & 0xffffffffL);
        }
        if (magic == 43) {
            if (b.limit() < 16 || b.getShort(4) != 8 || b.getShort(6) != 0) {
                throw notTiff(in, "its BigTIFF header is damaged");
            }
            return new TiffHeader(order, true, b.getLong(8));
        }
        throw notTiff(in, "its magic number is " + magic + ", not 42 (TIFF) or 43 (BigTIFF)");
    }

    private static InputException notTiff(TiffInput in, String why) {
        return InputException.file(in.path(), "is not a TIFF file (" + why + ")",
                "Check that this is the right file; a file renamed to .tif is not converted. Export it as TIFF");
    }

    /** "little-endian (II)" or "big-endian (MM)". */
    String orderLabel() {
        return order == ByteOrder.LITTLE_ENDIAN ? "little-endian (II)" : "big-endian (MM)";
    }
}
