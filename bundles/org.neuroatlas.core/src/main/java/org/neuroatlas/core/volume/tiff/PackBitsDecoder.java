package org.neuroatlas.core.volume.tiff;

import java.util.Arrays;
import java.util.zip.DataFormatException;

/** PackBits run-length decoding (compression 32773). */
final class PackBitsDecoder {

    private PackBitsDecoder() {
    }

    /**
     * Decodes into {@code dst} until it is full or the input ends.
     *
     * @return number of bytes written
     * @throws DataFormatException if a run points past the end of the input
     */
    static int decode(byte[] src, int srcLen, byte[] dst) throws DataFormatException {
        int in = 0;
        int out = 0;
        while (out < dst.length && in < srcLen) {
            int n = src[in++];
            if (n >= 0) {
                int len = n + 1;
                if (in + len > srcLen) {
                    throw new DataFormatException("PackBits literal run of " + len + " bytes runs past the end of the data");
                }
                int copy = Math.min(len, dst.length - out);
                System.arraycopy(src, in, dst, out, copy);
                in += len;
                out += copy;
            } else if (n != -128) { // -128 is a no-op
                if (in >= srcLen) {
                    throw new DataFormatException("PackBits repeat run at the end of the data has no byte to repeat");
                }
                int len = Math.min(1 - n, dst.length - out);
                Arrays.fill(dst, out, out + len, src[in++]);
                out += len;
            }
        }
        return out;
    }
}
