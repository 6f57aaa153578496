package org.neuroatlas.core.volume.tiff;

import java.util.zip.DataFormatException;

/**
 * TIFF LZW (compression 5): variable-width codes of 9–12 bits, most significant bit first, with the "early change"
 * of code width that TIFF writers use.
 * <p>
 * Every table entry is a string that was already written to the output, so the table keeps only where that
 * string starts in the output and how long it is; decoding a code is then a copy within the output array, with
 * no per-entry byte arrays and no prefix-chain walking.
 */
final class LzwDecoder {

    private static final int CLEAR = 256;
    private static final int EOI = 257;
    private static final int FIRST_FREE = 258;
    private static final int TABLE_SIZE = 4096;

    private LzwDecoder() {
    }

    /**
     * Decodes {@code srcLen} bytes of {@code src} into {@code dst}, stopping once {@code dst} is full (writers may pad).
     *
     * @return number of bytes written
     * @throws DataFormatException on an invalid code
     */
    static int decode(byte[] src, int srcLen, byte[] dst) throws DataFormatException {
        int[] start = new int[TABLE_SIZE];
        int[] length = new int[TABLE_SIZE];
        int next = FIRST_FREE;
        int width = 9;
        long bitBuf = 0;
        int bits = 0;
        int in = 0;
        int out = 0;
        int prevStart = -1; // where the previous string was written; -1 right after a clear code
        int prevLen = 0;
        int limit = dst.length;
        while (out < limit) {
            while (bits < width) {
                if (in >= srcLen) {
                    return out; // no EOI: some writers end the strip without one
                }
                bitBuf = (bitBuf << 8) | (src[in++] & 0xff);
                bits += 8;
            }
            int code = (int) (bitBuf >>> (bits - width)) & ((1 << width) - 1);
            bits -= width;
            if (code == EOI) {
                return out;
            }
            if (code == CLEAR) {
                next = FIRST_FREE;
                width = 9;
                prevStart = -1;
                continue;
            }
            int strStart;
            int strLen;
            if (code < 256) {
                dst[out] = (byte) code;
                strStart = out;
                strLen = 1;
            } else if (code < next) {
                strLen = length[code];
                strStart = out;
                copy(dst, start[code], out, Math.min(strLen, limit - out));
            } else if (code == next && prevStart >= 0) {
                // The code being defined right now: previous string plus its own first byte.
                strLen = prevLen + 1;
                strStart = out;
                copy(dst, prevStart, out, Math.min(strLen, limit - out));
            } else {
                throw new DataFormatException("invalid LZW code " + code + " (table has " + next + " entries)");
            }
            if (prevStart >= 0 && next < TABLE_SIZE) {
                start[next] = prevStart;
                length[next] = prevLen + 1;
                next++;
            }
            // Early change: the width grows one code before the table would overflow it.
            if (next + 1 >= (1 << width) && width < 12) {
                width++;
            }
            prevStart = strStart;
            prevLen = strLen;
            out += Math.min(strLen, limit - out);
        }
        return out;
    }

    /** Copies within one array; byte by byte where source and destination overlap, as the string repeats itself. */
    private static void copy(byte[] a, int from, int to, int n) {
        if (from + n <= to) {
            System.arraycopy(a, from, a, to, n);
        } else {
            for (int i = 0; i < n; i++) {
                a[to + i] = a[from + i];
            }
        }
    }
}
