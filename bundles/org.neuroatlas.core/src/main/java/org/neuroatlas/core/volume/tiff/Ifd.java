package org.neuroatlas.core.volume.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One image file directory: its entries, kept as locations, so that large arrays (strip offsets of a 20,000-row
 * plane) and long texts are read only when asked for. Values that fit in the entry itself are kept inline.
 */
final class Ifd {

    /** Arrays longer than this are taken as corruption rather than risking a huge allocation. */
    private static final long MAX_VALUES = 1L << 26;

    /**
     * One entry.
     *
     * @param offset where the value bytes start in the file (meaningless when {@code inline} is set)
     * @param inline the value bytes when they fit in the entry, else null
     */
    record Entry(int tag, int type, long count, long offset, byte[] inline) {

        long byteLength() {
            return count * TiffTag.typeSize(type);
        }
    }

    private final Map<Integer, Entry> entries;
    private final long offset;
    private final long nextOffset;
    private final ByteOrder order;

    private Ifd(Map<Integer, Entry> entries, long offset, long nextOffset, ByteOrder order) {
        this.entries = entries;
        this.offset = offset;
        this.nextOffset = nextOffset;
        this.order = order;
    }

    /**
     * Parses the IFD at {@code offset}.
     *
     * @param what names the IFD in error messages, e.g. "IFD of page 3"
     */
    static Ifd read(TiffInput in, long offset, boolean bigTiff, String what) throws IOException {
        int countBytes = bigTiff ? 8 : 2;
        int entryBytes = bigTiff ? 20 : 12;
        int inlineBytes = bigTiff ? 8 : 4;
        ByteBuffer head = in.read(offset, countBytes, what);
        long n = bigTiff ? head.getLong(0) : head.getShort(0) & 0xffff;
        if (n <= 0 || n > 4096) {
            throw TiffInput.corrupt(in.path(), what + " at byte " + offset + " claims " + n + " entries");
        }
        int tableBytes = (int) (n * entryBytes + inlineBytes);
        ByteBuffer b = in.read(offset + countBytes, tableBytes, what);
        Map<Integer, Entry> entries = new HashMap<>((int) n * 2);
        for (int i = 0; i < n; i++) {
            int p = i * entryBytes;
            int tag = b.getShort(p) & 0xffff;
            int type = b.getShort(p + 2) & 0xffff;
            long count = bigTiff ? b.getLong(p + 4) : b.getInt(p + 4) & 0xffffffffL;
            int valuePos = p + (bigTiff ? 12 : 8);
            int typeSize = TiffTag.typeSize(type);
            if (typeSize == 0) {
                continue; // unknown field types are to be skipped, says the spec
            }
            if (count < 0 || count > MAX_VALUES) {
                throw TiffInput.corrupt(in.path(), what + ": tag " + tag + " claims " + count + " values");
            }
            long bytes = count * typeSize;
            Entry e;
            if (bytes <= inlineBytes) {
                byte[] inline = new byte[(int) bytes];
                b.get(valuePos, inline);
                e = new Entry(tag, type, count, -1, inline);
            } else {
                long valueOffset = bigTiff ? b.getLong(valuePos) : b.getInt(valuePos) & 0xffffffffL;
                e = new Entry(tag, type, count, valueOffset, null);
            }
            entries.putIfAbsent(tag, e);
        }
        int nextPos = (int) (n * entryBytes);
        long next = bigTiff ? b.getLong(nextPos) : b.getInt(nextPos) & 0xffffffffL;
        return new Ifd(entries, offset, next, in.order());
    }

    /** Byte offset of this IFD in the file. */
    long offset() {
        return offset;
    }

    /** Offset of the next IFD, 0 if this is the last. */
    long nextOffset() {
        return nextOffset;
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    Entry entry(int tag) {
        return entries.get(tag);
    }

    /** The first value of an integer entry, or {@code fallback} if absent; must be inline (count small). */
    long scalar(int tag, long fallback) {
        Entry e = entries.get(tag);
        if (e == null || e.count() == 0 || e.inline() == null) {
            return fallback;
        }
        return decode(ByteBuffer.wrap(e.inline()).order(order), e.type(), 0);
    }

    /** All values of an integer entry (BYTE, SHORT, LONG, LONG8, IFD, IFD8). */
    static long[] longs(Entry e, TiffInput in, String what) throws IOException {
        ByteBuffer b = bytes(e, in, what);
        int n = (int) e.count();
        int size = TiffTag.typeSize(e.type());
        long[] out = new long[n];
        switch (e.type()) {
            case TiffTag.SHORT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getShort(i * 2) & 0xffff;
                }
            }
            case TiffTag.LONG, TiffTag.IFD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getInt(i * 4) & 0xffffffffL;
                }
            }
            case TiffTag.LONG8, TiffTag.IFD8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getLong(i * 8);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = decode(b, e.type(), i * size);
                }
            }
        }
        return out;
    }

    /** The value bytes of an entry, in the file's byte order. */
    static ByteBuffer bytes(Entry e, TiffInput in, String what) throws IOException {
        if (e.inline() != null) {
            return ByteBuffer.wrap(e.inline()).order(in.order());
        }
        return in.read(e.offset(), Math.toIntExact(e.byteLength()), what);
    }

    /** The first rational of an entry as {numerator, denominator}, or null if absent or not a rational. */
    long[] rational(int tag, TiffInput in) throws IOException {
        Entry e = entries.get(tag);
        if (e == null || e.count() < 1 || (e.type() != TiffTag.RATIONAL && e.type() != TiffTag.SRATIONAL)) {
            return null;
        }
        ByteBuffer b = e.inline() != null ? ByteBuffer.wrap(e.inline()).order(in.order()) : in.read(e.offset(), 8, "tag " + tag);
        return new long[] {b.getInt(0) & 0xffffffffL, b.getInt(4) & 0xffffffffL};
    }

    /** An ASCII entry as text (up to the first NUL, at most {@code maxBytes}), or null if absent. */
    String text(int tag, TiffInput in, int maxBytes) throws IOException {
        Entry e = entries.get(tag);
        if (e == null || (e.type() != TiffTag.ASCII && e.type() != TiffTag.BYTE && e.type() != TiffTag.UNDEFINED)) {
            return null;
        }
        int n = (int) Math.min(e.count(), maxBytes);
        ByteBuffer b = e.inline() != null ? ByteBuffer.wrap(e.inline()) : in.read(e.offset(), n, "text of tag " + tag);
        byte[] raw = new byte[n];
        b.get(0, raw);
        int end = 0;
        while (end < n && raw[end] != 0) {
            end++;
        }
        // ImageJ writes µ as \u00B5 escapes, OME as UTF-8; Latin-1 files show up as replacement characters, harmless here.
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static long decode(ByteBuffer b, int type, int pos) {
        return switch (type) {
            case TiffTag.BYTE, TiffTag.UNDEFINED, TiffTag.ASCII -> b.get(pos) & 0xff;
            case TiffTag.SBYTE -> b.get(pos);
            case TiffTag.SHORT -> b.getShort(pos) & 0xffff;
            case TiffTag.SSHORT -> b.getShort(pos);
            case TiffTag.LONG, TiffTag.IFD -> b.getInt(pos) & 0xffffffffL;
            case TiffTag.SLONG -> b.getInt(pos);
            case TiffTag.LONG8, TiffTag.SLONG8, TiffTag.IFD8 -> b.getLong(pos);
            case TiffTag.FLOAT -> (long) b.getFloat(pos);
            case TiffTag.DOUBLE -> (long) b.getDouble(pos);
            default -> 0;
        };
    }
}
