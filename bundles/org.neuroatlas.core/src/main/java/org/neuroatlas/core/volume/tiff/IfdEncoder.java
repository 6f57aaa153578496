package org.neuroatlas.core.volume.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Builds one IFD in memory: entries in ascending tag order (as the spec requires) followed by the values that do
 * not fit in their entries. Its size depends only on the tags and value counts, not on the values, so a writer
 * can plan every offset of a file before writing a byte.
 */
final class IfdEncoder {

    private record Field(int type, long count, long[] numbers, byte[] text) {
    }

    private final boolean bigTiff;
    private final TreeMap<Integer, Field> fields = new TreeMap<>();

    IfdEncoder(boolean bigTiff) {
        this.bigTiff = bigTiff;
    }

    IfdEncoder shortValue(int tag, int v) {
        fields.put(tag, new Field(TiffTag.SHORT, 1, new long[] {v}, null));
        return this;
    }

    IfdEncoder longValue(int tag, long v) {
        fields.put(tag, new Field(TiffTag.LONG, 1, new long[] {v}, null));
        return this;
    }

    /** Offsets or byte counts: LONG in classic TIFF, LONG8 in BigTIFF. */
    IfdEncoder offsets(int tag, long[] v) {
        fields.put(tag, new Field(bigTiff ? TiffTag.LONG8 : TiffTag.LONG, v.length, v.clone(), null));
        return this;
    }

    IfdEncoder rational(int tag, long numerator, long denominator) {
        fields.put(tag, new Field(TiffTag.RATIONAL, 1, new long[] {numerator, denominator}, null));
        return this;
    }

    /** ASCII text, NUL-terminated. */
    IfdEncoder ascii(int tag, String text) {
        byte[] b = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
        fields.put(tag, new Field(TiffTag.ASCII, b.length, null, b));
        return this;
    }

    private int inlineBytes() {
        return bigTiff ? 8 : 4;
    }

    private long tableBytes() {
        return bigTiff ? 8 + 20L * fields.size() + 8 : 2 + 12L * fields.size() + 4;
    }

    private static long valueBytes(Field f) {
        return f.count * TiffTag.typeSize(f.type);
    }

    /** Bytes this IFD occupies with its out-of-line values, a multiple of 8 so that what follows stays aligned. */
    long size() {
        long n = tableBytes();
        for (Field f : fields.values()) {
            long b = valueBytes(f);
            if (b > inlineBytes()) {
                n += (b + 1) & ~1L; // values start on word boundaries
            }
        }
        return (n + 7) & ~7L;
    }

    /** The IFD's bytes, to be written at {@code offset}, pointing to {@code nextIfd} (0 = last). */
    ByteBuffer encode(long offset, long nextIfd, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(size())).order(order);
        long valuePos = offset + tableBytes();
        ByteBuffer values = ByteBuffer.allocate(Math.toIntExact(size() - tableBytes())).order(order);
        if (bigTiff) {
            b.putLong(fields.size());
        } else {
            b.putShort((short) fields.size());
        }
        for (var e : fields.entrySet()) {
            Field f = e.getValue();
            b.putShort((short) (int) e.getKey());
            b.putShort((short) f.type);
            if (bigTiff) {
                b.putLong(f.count);
            } else {
                b.putInt((int) f.count);
            }
            long bytes = valueBytes(f);
            if (bytes <= inlineBytes()) {
                int start = b.position();
                putValues(b, f);
                b.position(start + inlineBytes()); // inline values are left-justified, rest zero
            } else {
                long at = valuePos + values.position();
                if (bigTiff) {
                    b.putLong(at);
                } else {
                    b.putInt((int) at);
                }
                putValues(values, f);
                if ((values.position() & 1) != 0) {
                    values.put((byte) 0);
                }
            }
        }
        if (bigTiff) {
            b.putLong(nextIfd);
        } else {
            b.putInt((int) nextIfd);
        }
        values.flip();
        b.put(values);
        b.position(0);
        return b;
    }

    private static void putValues(ByteBuffer b, Field f) {
        if (f.text != null) {
            b.put(f.text);
            return;
        }
        for (long v : f.numbers) {
            switch (f.type) {
                case TiffTag.SHORT -> b.putShort((short) v);
                case TiffTag.LONG, TiffTag.RATIONAL -> b.putInt((int) v);
                case TiffTag.LONG8 -> b.putLong(v);
                default -> throw new IllegalStateException("type " + f.type);
            }
        }
    }
}
