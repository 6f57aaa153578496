package org.neuroatlas.core.atlas.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Checks a downloaded attached NRRD file in one streaming pass, without holding the volume in memory: the header
 * parses, and the payload decompresses completely (gzip CRC and length trailer ok) to exactly
 * {@code sizes × bytes per voxel} bytes. Optionally the type and sizes must be the expected ones, which catches a
 * file of the wrong resolution served under the right name.
 * <p>
 * This is deliberately separate from the volume reader ({@code volume.nrrd}): the reader opens files lazily and
 * accepts much more (detached headers, line skips); a download check must read every byte and reject what an atlas
 * download never is.
 */
public final class NrrdIntegrity implements ContentCheck {

    /** A header larger than this is not a header: garbage, or an HTML error page saved under a .nrrd name. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int BUFFER = 1 << 16;
    private static final Pattern MAGIC = Pattern.compile("NRRD000[1-9]");
    /** NRRD type names (teem's format definition lists these synonyms) → canonical name and bytes per voxel. */
    private static final Map<String, String> TYPE_NAMES = new HashMap<>();
    private static final Map<String, Integer> TYPE_BYTES = new LinkedHashMap<>();

    static {
        type("int8", 1, "signed char", "int8", "int8_t");
        type("uint8", 1, "uchar", "unsigned char", "uint8", "uint8_t");
        type("int16", 2, "short", "short int", "signed short", "signed short int", "int16", "int16_t");
        type("uint16", 2, "ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t");
        type("int32", 4, "int", "signed int", "int32", "int32_t");
        type("uint32", 4, "uint", "unsigned int", "uint32", "uint32_t");
        type("int64", 8, "longlong", "long long", "long long int", "signed long long", "signed long long int", "int64", "int64_t");
        type("uint64", 8, "ulonglong", "unsigned long long", "unsigned long long int", "uint64", "uint64_t");
        type("float", 4, "float");
        type("double", 8, "double");
    }

    private static void type(String canonical, int bytes, String... names) {
        TYPE_BYTES.put(canonical, bytes);
        for (String n : names) {
            TYPE_NAMES.put(n, canonical);
        }
    }

    private final String expectedType;
    private final long[] expectedSizes;

    private NrrdIntegrity(String expectedType, long[] expectedSizes) {
        this.expectedType = expectedType;
        this.expectedSizes = expectedSizes;
    }

    /** Any well-formed attached NRRD with a complete payload. */
    public static NrrdIntegrity any() {
        return new NrrdIntegrity(null, null);
    }

    /**
     * A NRRD of exactly this voxel type and size.
     *
     * @param type  canonical type: int8, uint8, int16, uint16, int32, uint32, int64, uint64, float or double
     * @param sizes voxels per axis in file order (NRRD {@code sizes}, fastest axis first)
     */
    public static NrrdIntegrity of(String type, long... sizes) {
        if (!TYPE_BYTES.containsKey(type)) {
            throw new IllegalArgumentException("unknown NRRD type " + type + "; use one of " + TYPE_BYTES.keySet());
        }
        return new NrrdIntegrity(type, sizes.clone());
    }

    @Override
    public String describe() {
        String what = expectedType == null ? "NRRD" : "NRRD " + expectedType + " " + joinSizes(expectedSizes, "×");
        return what + ": header parses, payload decompresses completely (gzip CRC ok) to exactly sizes × type bytes";
    }

    @Override
    public String check(InputStream raw) throws IOException, IntegrityException {
        InputStream in = new BufferedInputStream(raw, BUFFER);
        Map<String, String> fields = readHeader(in);
        String typeText = required(fields, "type");
        String type = TYPE_NAMES.get(typeText.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (type == null) {
            throw new IntegrityException("NRRD type '" + typeText + "' is not a voxel type this check knows");
        }
        long[] sizes = parseSizes(fields);
        if (expectedType != null && !expectedType.equals(type)) {
            throw new IntegrityException("NRRD type is " + type + "; expected " + expectedType);
        }
        if (expectedSizes != null && !Arrays.equals(expectedSizes, sizes)) {
            throw new IntegrityException("NRRD sizes are " + joinSizes(sizes, " ") + "; expected " + joinSizes(expectedSizes, " "));
        }
        if (fields.containsKey("datafile")) {
            throw new IntegrityException("the NRRD header points to a separate data file; expected the voxels in the same file");
        }
        if (fields.containsKey("lineskip") || fields.containsKey("byteskip")) {
            throw new IntegrityException("the NRRD header has 'line skip' or 'byte skip', which an atlas download never has");
        }
        long payload;
        try {
            payload = TYPE_BYTES.get(type);
            for (long s : sizes) {
                payload = Math.multiplyExact(payload, s);
            }
        } catch (ArithmeticException e) {
            throw new IntegrityException("NRRD sizes " + joinSizes(sizes, " ") + " are too large");
        }
        String shape = String.format(Locale.ROOT, "NRRD %s %s", type, joinSizes(sizes, "×"));
        String encoding = required(fields, "encoding").toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "gzip", "gz" -> {
                long n = inflatedBytes(in, payload);
                return String.format(Locale.ROOT, "%s, gzip payload complete (CRC ok), %,d bytes", shape, n);
            }
            case "raw" -> {
                long n = remainingBytes(in, payload);
                if (n != payload) {
                    throw new IntegrityException(String.format(Locale.ROOT, "raw payload has %,d bytes; sizes × type need exactly %,d", n, payload));
                }
                return String.format(Locale.ROOT, "%s, raw payload complete, %,d bytes", shape, n);
            }
            default -> throw new IntegrityException("NRRD encoding '" + encoding + "' cannot be checked; expected gzip or raw");
        }
    }

    /** Fields by normalised name (lower case, blanks removed), up to the blank line ending the header. */
    private static Map<String, String> readHeader(InputStream in) throws IOException, IntegrityException {
        long[] consumed = {0};
        String magic = readLine(in, consumed);
        if (magic == null || !MAGIC.matcher(magic.strip()).matches()) {
            throw new IntegrityException("not a NRRD file: it starts with '" + preview(magic) + "' instead of NRRD0001–NRRD0009");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line = readLine(in, consumed); ; line = readLine(in, consumed)) {
            if (line == null) {
                throw new IntegrityException("the file ends inside the NRRD header (no blank line before the data)");
            }
            if (line.isEmpty()) {
                return fields;
            }
            if (line.startsWith("#") || line.contains(":=")) {
                continue; // comments and key/value pairs say nothing about the payload
            }
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.put(line.substring(0, colon).toLowerCase(Locale.ROOT).replace(" ", ""), line.substring(colon + 2).strip());
            }
        }
    }

    /** One header line without its line end, or null at end of input. */
    private static String readLine(InputStream in, long[] consumed) throws IOException, IntegrityException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (++consumed[0] > MAX_HEADER_BYTES) {
                throw new IntegrityException("no end of the NRRD header (a blank line) in the first 1 MiB");
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
    }

    private static String required(Map<String, String> fields, String name) throws IntegrityException {
        String v = fields.get(name);
        if (v == null) {
            throw new IntegrityException("the NRRD header has no '" + name + "' field");
        }
        return v;
    }

    private static long[] parseSizes(Map<String, String> fields) throws IntegrityException {
        String dim = required(fields, "dimension");
        String[] parts = required(fields, "sizes").trim().split("\\s+");
        try {
            int d = Integer.parseInt(dim.trim());
            if (d != parts.length) {
                throw new IntegrityException("NRRD 'dimension: " + d + "' but " + parts.length + " sizes");
            }
            long[] sizes = new long[d];
            for (int i = 0; i < d; i++) {
                sizes[i] = Long.parseLong(parts[i]);
                if (sizes[i] <= 0) {
                    throw new IntegrityException("NRRD size " + sizes[i] + " is not positive");
                }
            }
            return sizes;
        } catch (NumberFormatException e) {
            throw new IntegrityException("NRRD 'dimension' or 'sizes' is not a number list: " + dim + " / " + String.join(" ", parts));
        }
    }

    /**
     * Inflates the gzip payload to its end, counting bytes. GZIPInputStream checks the CRC-32 and the length in the
     * gzip trailer, so a flipped bit or a cut-off file fails here rather than surfacing later as wrong voxels.
     */
    private static long inflatedBytes(InputStream in, long expected) throws IOException, IntegrityException {
        long n = 0;
        byte[] buf = new byte[BUFFER];
        // Closing the gzip stream frees its native inflater; the shield keeps the caller's stream open.
        InputStream shield = new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        };
        try (InputStream gz = new GZIPInputStream(shield, BUFFER)) {
            for (int r = gz.read(buf); r >= 0; r = gz.read(buf)) {
                n += r;
                if (n > expected) {
                    throw new IntegrityException(String.format(Locale.ROOT,
                            "the gzip payload decompresses to more than the %,d bytes that sizes × type need", expected));
                }
            }
        } catch (EOFException e) {
            throw new IntegrityException(String.format(Locale.ROOT,
                    "the gzip payload ends early, after %,d of %,d decompressed bytes: the file is truncated", n, expected), e);
        } catch (ZipException e) {
            throw new IntegrityException(String.format(Locale.ROOT,
                    "the gzip payload is corrupt (%s) after %,d of %,d decompressed bytes", e.getMessage(), n, expected), e);
        }
        if (n != expected) {
            throw new IntegrityException(String.format(Locale.ROOT,
                    "the gzip payload decompresses to %,d bytes; sizes × type need exactly %,d", n, expected));
        }
        return n;
    }

    private static long remainingBytes(InputStream in, long expected) throws IOException {
        long n = 0;
        byte[] buf = new byte[BUFFER];
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
            n += r;
            if (n > expected) {
                return n; // already wrong; no need to read on
            }
        }
        return n;
    }

    private static String joinSizes(long[] sizes, String sep) {
        return Arrays.stream(sizes).mapToObj(Long::toString).collect(Collectors.joining(sep));
    }

    private static String preview(String line) {
        if (line == null) {
            return "";
        }
        String s = line.strip().replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
