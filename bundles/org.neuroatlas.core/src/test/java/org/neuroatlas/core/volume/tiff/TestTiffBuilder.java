package org.neuroatlas.core.volume.tiff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * A deliberately independent, minimal TIFF writer for test fixtures the JDK's ImageIO cannot make: little-endian
 * files, BigTIFF, the horizontal predictor, odd tags, ImageJ's single-IFD contiguous stacks and sparse files over
 * 4 GB. Shares no code with the production reader or writer (its own tag layout, its own LZW/PackBits encoders).
 */
final class TestTiffBuilder {

    /** One page; {@code samples} are raw sample bytes in the file's byte order, or null for an all-zero page left as a hole. */
    static final class Page {
        int width;
        int height;
        int bits = 16;
        int sampleFormat = 1;
        int samplesPerPixel = 1;
        int compression = 1;
        int predictor = 1;
        int rowsPerStrip;
        int tileWidth;
        int tileHeight;
        byte[] samples;
        final Map<Integer, long[]> shorts = new HashMap<>();
        final Map<Integer, long[]> longs = new HashMap<>();
        final Map<Integer, long[]> rationals = new HashMap<>();
        final Map<Integer, String> texts = new HashMap<>();

        Page(int width, int height, int bits, byte[] samples) {
            this.width = width;
            this.height = height;
            this.bits = bits;
            this.samples = samples;
            this.rowsPerStrip = height;
        }

        Page strips(int rows) {
            this.rowsPerStrip = rows;
            return this;
        }

        Page tiles(int w, int h) {
            this.tileWidth = w;
            this.tileHeight = h;
            return this;
        }

        Page compression(int c, int pred) {
            this.compression = c;
            this.predictor = pred;
            return this;
        }

        Page description(String d) {
            texts.put(270, d);
            return this;
        }

        Page resolution(long xNum, long xDen, long yNum, long yDen, int unit) {
            rationals.put(282, new long[] {xNum, xDen});
            rationals.put(283, new long[] {yNum, yDen});
            shorts.put(296, new long[] {unit});
            return this;
        }

        int bytesPerSample() {
            return bits / 8;
        }
    }

    private final ByteOrder order;
    private final boolean big;
    private final List<Page> pages = new ArrayList<>();
    private boolean onlyFirstIfd;

    TestTiffBuilder(ByteOrder order, boolean big) {
        this.order = order;
        this.big = big;
    }

    TestTiffBuilder add(Page p) {
        pages.add(p);
        return this;
    }

    /** Writes the planes back to back and only the first IFD, as ImageJ does for stacks over 4 GB (uncompressed pages only). */
    TestTiffBuilder onlyFirstIfd() {
        this.onlyFirstIfd = true;
        return this;
    }

    void write(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            // ImageJ puts its one IFD first and the planes after it, so classic offsets fit even past 4 GB of data.
            long pos = onlyFirstIfd ? 1 << 14 : big ? 16 : 8;
            long firstIfd = 0;
            long prevNextPointer = -1;
            List<long[]> dataOffsets = new ArrayList<>();
            List<long[]> dataCounts = new ArrayList<>();
            // all data first when emulating ImageJ's contiguous stacks, else page by page with the IFD after its data
            for (int i = 0; i < pages.size(); i++) {
                Page p = pages.get(i);
                List<byte[]> chunks = encodeChunks(p);
                long[] offs = new long[chunks.size()];
                long[] counts = new long[chunks.size()];
                for (int c = 0; c < chunks.size(); c++) {
                    byte[] chunk = chunks.get(c);
                    offs[c] = pos;
                    counts[c] = chunk == null ? rawChunkBytes(p) : chunk.length;
                    if (chunk != null) {
                        ch.write(ByteBuffer.wrap(chunk), pos);
                    }
                    pos += counts[c];
                }
                dataOffsets.add(offs);
                dataCounts.add(counts);
                if (onlyFirstIfd) {
                    continue;
                }
                pos = (pos + 7) & ~7L;
                long ifdPos = pos;
                pos = writeIfd(ch, p, ifdPos, offs, counts);
                if (prevNextPointer < 0) {
                    firstIfd = ifdPos;
                } else {
                    putOffset(ch, prevNextPointer, ifdPos);
                }
                prevNextPointer = lastNextPointer;
            }
            if (onlyFirstIfd) {
                firstIfd = big ? 16 : 8;
                long end = writeIfd(ch, pages.get(0), firstIfd, dataOffsets.get(0), dataCounts.get(0));
                if (end > 1 << 14) {
                    throw new IllegalStateException("IFD too large for the space reserved before the data");
                }
            }
            ByteBuffer h = ByteBuffer.allocate(big ? 16 : 8).order(order);
            h.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M')).put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
            if (big) {
                h.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd);
            } else {
                h.putShort((short) 42).putInt((int) firstIfd);
            }
            h.flip();
            ch.write(h, 0);
        }
    }

    /** Where the next-IFD pointer of the IFD written last is, to link the following one. */
    private long lastNextPointer;

    private void putOffset(FileChannel ch, long at, long value) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(big ? 8 : 4).order(order);
        if (big) {
            b.putLong(value);
        } else {
            b.putInt((int) value);
        }
        b.flip();
        ch.write(b, at);
    }

    private static long rawChunkBytes(Page p) {
        return p.tileWidth > 0 ? (long) p.tileWidth * p.tileHeight * p.bytesPerSample() * p.samplesPerPixel
                : (long) p.width * p.rowsPerStrip * p.bytesPerSample() * p.samplesPerPixel;
    }

    /** Writes the IFD at {@code at} followed by its out-of-line values; returns the end position. */
    private long writeIfd(FileChannel ch, Page p, long at, long[] offs, long[] counts) throws IOException {
        TreeMap<Integer, Object[]> e = new TreeMap<>(); // tag -> {type, long[] or byte[]}
        e.put(256, new Object[] {4, new long[] {p.width}});
        e.put(257, new Object[] {4, new long[] {p.height}});
        long[] bps = new long[p.samplesPerPixel];
        java.util.Arrays.fill(bps, p.bits);
        e.put(258, new Object[] {3, bps});
        e.put(259, new Object[] {3, new long[] {p.compression}});
        e.put(262, new Object[] {3, new long[] {p.samplesPerPixel == 3 ? 2 : 1}});
        e.put(277, new Object[] {3, new long[] {p.samplesPerPixel}});
        if (p.predictor != 1) {
            e.put(317, new Object[] {3, new long[] {p.predictor}});
        }
        if (p.sampleFormat != 1) {
            e.put(339, new Object[] {3, new long[] {p.sampleFormat}});
        }
        int offType = big ? 16 : 4;
        if (p.tileWidth > 0) {
            e.put(322, new Object[] {4, new long[] {p.tileWidth}});
            e.put(323, new Object[] {4, new long[] {p.tileHeight}});
            e.put(324, new Object[] {offType, offs});
            e.put(325, new Object[] {offType, counts});
        } else {
            e.put(273, new Object[] {offType, offs});
            e.put(278, new Object[] {4, new long[] {p.rowsPerStrip}});
            e.put(279, new Object[] {offType, counts});
        }
        p.shorts.forEach((t, v) -> e.put(t, new Object[] {3, v}));
        p.longs.forEach((t, v) -> e.put(t, new Object[] {4, v}));
        p.rationals.forEach((t, v) -> e.put(t, new Object[] {5, v}));
        p.texts.forEach((t, v) -> e.put(t, new Object[] {2, (v + "\0").getBytes(StandardCharsets.UTF_8)}));
        int entrySize = big ? 20 : 12;
        int inline = big ? 8 : 4;
        long tableBytes = (big ? 8 : 2) + (long) e.size() * entrySize + (big ? 8 : 4);
        ByteBuffer table = ByteBuffer.allocate((int) tableBytes).order(order);
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        if (big) {
            table.putLong(e.size());
        } else {
            table.putShort((short) e.size());
        }
        for (var en : e.entrySet()) {
            int type = (Integer) en.getValue()[0];
            Object v = en.getValue()[1];
            byte[] bytes = valueBytes(type, v);
            long count = v instanceof byte[] b ? b.length : type == 5 ? ((long[]) v).length / 2 : ((long[]) v).length;
            table.putShort((short) (int) en.getKey()).putShort((short) type);
            if (big) {
                table.putLong(count);
            } else {
                table.putInt((int) count);
            }
            if (bytes.length <= inline) {
                ByteBuffer slot = ByteBuffer.allocate(inline);
                slot.put(bytes);
                table.put(slot.array());
            } else {
                long valuePos = at + tableBytes + values.size();
                if (big) {
                    table.putLong(valuePos);
                } else {
                    table.putInt((int) valuePos);
                }
                values.write(bytes);
                if (values.size() % 2 == 1) {
                    values.write(0);
                }
            }
        }
        if (big) {
            table.putLong(0);
        } else {
            table.putInt(0);
        }
        table.flip();
        ch.write(table, at);
        ch.write(ByteBuffer.wrap(values.toByteArray()), at + tableBytes);
        lastNextPointer = at + tableBytes - (big ? 8 : 4);
        return at + tableBytes + values.size();
    }

    private byte[] valueBytes(int type, Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        long[] a = (long[]) v;
        int size = switch (type) {
            case 3 -> 2;
            case 4, 5 -> 4;
            default -> 8;
        };
        ByteBuffer b = ByteBuffer.allocate(a.length * size).order(order);
        for (long x : a) {
            switch (size) {
                case 2 -> b.putShort((short) x);
                case 4 -> b.putInt((int) x);
                default -> b.putLong(x);
            }
        }
        return b.array();
    }

    /** Cuts the page into strips or tiles (edge tiles padded with zeros) and encodes each. */
    private List<byte[]> encodeChunks(Page p) {
        int bps = p.bytesPerSample() * p.samplesPerPixel;
        List<byte[]> out = new ArrayList<>();
        if (p.tileWidth > 0) {
            int across = (p.width + p.tileWidth - 1) / p.tileWidth;
            int down = (p.height + p.tileHeight - 1) / p.tileHeight;
            for (int ty = 0; ty < down; ty++) {
                for (int tx = 0; tx < across; tx++) {
                    if (p.samples == null) {
                        out.add(null);
                        continue;
                    }
                    byte[] tile = new byte[p.tileWidth * p.tileHeight * bps];
                    for (int r = 0; r < p.tileHeight; r++) {
                        int y = ty * p.tileHeight + r;
                        int x0 = tx * p.tileWidth;
                        int n = Math.min(p.tileWidth, p.width - x0);
                        if (y < p.height && n > 0) {
                            System.arraycopy(p.samples, (y * p.width + x0) * bps, tile, r * p.tileWidth * bps, n * bps);
                        }
                    }
                    out.add(encode(p, tile, p.tileHeight, p.tileWidth));
                }
            }
        } else {
            for (int y = 0; y < p.height; y += p.rowsPerStrip) {
                int rows = Math.min(p.rowsPerStrip, p.height - y);
                if (p.samples == null) {
                    out.add(null);
                    continue;
                }
                byte[] strip = new byte[rows * p.width * bps];
                System.arraycopy(p.samples, y * p.width * bps, strip, 0, strip.length);
                out.add(encode(p, strip, rows, p.width));
            }
        }
        return out;
    }

    private byte[] encode(Page p, byte[] raw, int rows, int cols) {
        byte[] data = raw.clone();
        if (p.predictor == 2) {
            differentiate(data, rows, cols, p.bytesPerSample(), order);
        }
        return switch (p.compression) {
            case 1 -> data;
            case 5 -> lzw(data);
            case 8, 32946 -> deflate(data);
            case 32773 -> packBits(data);
            default -> data; // unsupported codes: stored as is, the reader must refuse them anyway
        };
    }

    static void differentiate(byte[] d, int rows, int cols, int size, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(d).order(order);
        for (int r = 0; r < rows; r++) {
            for (int c = cols - 1; c >= 1; c--) {
                int i = (r * cols + c) * size;
                int j = i - size;
                switch (size) {
                    case 1 -> d[i] = (byte) (d[i] - d[j]);
                    case 2 -> b.putShort(i, (short) (b.getShort(i) - b.getShort(j)));
                    default -> b.putInt(i, b.getInt(i) - b.getInt(j));
                }
            }
        }
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(6);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        d.end();
        return out.toByteArray();
    }

    static byte[] packBits(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int run = 1;
            while (i + run < data.length && run < 128 && data[i + run] == data[i]) {
                run++;
            }
            if (run >= 3) {
                out.write(1 - run);
                out.write(data[i]);
                i += run;
            } else {
                int start = i;
                int len = 0;
                while (i < data.length && len < 128) {
                    if (i + 2 < data.length && data[i] == data[i + 1] && data[i] == data[i + 2]) {
                        break;
                    }
                    i++;
                    len++;
                }
                out.write(len - 1);
                out.write(data, start, len);
            }
        }
        return out.toByteArray();
    }

    /** TIFF LZW: MSB-first codes, starting with Clear, width growing one code early, Clear when the table is full. */
    static byte[] lzw(byte[] data) {
        BitWriter w = new BitWriter();
        Map<Long, Integer> dict = new HashMap<>();
        int width = 9;
        int next = 258;
        w.put(256, width);
        if (data.length == 0) {
            w.put(257, width);
            return w.toByteArray();
        }
        int string = data[0] & 0xff;
        for (int i = 1; i < data.length; i++) {
            int c = data[i] & 0xff;
            Integer code = dict.get(((long) string << 8) | c);
            if (code != null) {
                string = code;
                continue;
            }
            w.put(string, width);
            dict.put(((long) string << 8) | c, next++);
            if (next == (1 << width) && width < 12) { // the decoder, one entry behind, widens at 2^width - 1
                width++;
            }
            if (next >= 4094) {
                w.put(256, width);
                dict.clear();
                next = 258;
                width = 9;
            }
            string = c;
        }
        w.put(string, width);
        next++; // the decoder adds an entry for the last code too, and may widen before EOI
        if (next == (1 << width) && width < 12) {
            width++;
        }
        w.put(257, width);
        return w.toByteArray();
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buf;
        private int bits;

        void put(int code, int width) {
            buf = (buf << width) | code;
            bits += width;
            while (bits >= 8) {
                out.write((int) (buf >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }

        byte[] toByteArray() {
            if (bits > 0) {
                out.write((int) (buf << (8 - bits)) & 0xff);
                bits = 0;
            }
            return out.toByteArray();
        }
    }
}
