package org.neuroatlas.core.volume.tiff;

import java.nio.ByteOrder;

/**
 * Undoes TIFF's horizontal differencing (Predictor 2): each sample was stored as the difference to its left
 * neighbour in the same row, computed on whole samples in the file's byte order, wrapping around.
 */
final class Predictor {

    private Predictor() {
    }

    /**
     * Integrates, in place, {@code rows} rows of {@code rowSamples} samples of {@code bytesPerSample} bytes each.
     */
    static void undoHorizontal(byte[] data, int rows, int rowSamples, int bytesPerSample, ByteOrder order) {
        boolean little = order == ByteOrder.LITTLE_ENDIAN;
        int rowBytes = rowSamples * bytesPerSample;
        for (int r = 0; r < rows; r++) {
            int p = r * rowBytes;
            switch (bytesPerSample) {
                case 1 -> {
                    for (int i = p + 1; i < p + rowBytes; i++) {
                        data[i] += data[i - 1];
                    }
                }
                case 2 -> {
                    int prev = get16(data, p, little);
                    for (int i = p + 2; i < p + rowBytes; i += 2) {
                        prev = (prev + get16(data, i, little)) & 0xffff;
                        put16(data, i, prev, little);
                    }
                }
                case 4 -> {
                    int prev = get32(data, p, little);
                    for (int i = p + 4; i < p + rowBytes; i += 4) {
                        prev += get32(data, i, little);
                        put32(data, i, prev, little);
                    }
                }
                default -> throw new IllegalArgumentException("bytes per sample: " + bytesPerSample);
            }
        }
    }

    private static int get16(byte[] a, int i, boolean little) {
        return little ? (a[i] & 0xff) | (a[i + 1] & 0xff) << 8 : (a[i] & 0xff) << 8 | (a[i + 1] & 0xff);
    }

    private static void put16(byte[] a, int i, int v, boolean little) {
        if (little) {
            a[i] = (byte) v;
            a[i + 1] = (byte) (v >>> 8);
        } else {
            a[i] = (byte) (v >>> 8);
            a[i + 1] = (byte) v;
        }
    }

    private static int get32(byte[] a, int i, boolean little) {
        return little ? (a[i] & 0xff) | (a[i + 1] & 0xff) << 8 | (a[i + 2] & 0xff) << 16 | (a[i + 3] & 0xff) << 24
                : (a[i] & 0xff) << 24 | (a[i + 1] & 0xff) << 16 | (a[i + 2] & 0xff) << 8 | (a[i + 3] & 0xff);
    }

    private static void put32(byte[] a, int i, int v, boolean little) {
        if (little) {
            a[i] = (byte) v;
            a[i + 1] = (byte) (v >>> 8);
            a[i + 2] = (byte) (v >>> 16);
            a[i + 3] = (byte) (v >>> 24);
        } else {
            a[i] = (byte) (v >>> 24);
            a[i + 1] = (byte) (v >>> 16);
            a[i + 2] = (byte) (v >>> 8);
            a[i + 3] = (byte) v;
        }
    }
}
