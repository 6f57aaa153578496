package org.neuroatlas.core.volume.nrrd;

import org.neuroatlas.core.volume.LengthUnits;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * A parsed NRRD header, attached ({@code .nrrd}) or detached ({@code .nhdr}), following the teem NRRD format
 * definition (magics NRRD0001–NRRD0005). Parsing reads the header text only: no voxel is touched, except that a
 * {@code line skip} is resolved by scanning the start of the data file.
 * <p>
 * Axes: NRRD's first axis changes fastest in the file, which is our x (column); then y (row), then z (plane). A
 * 2-D NRRD is one plane.
 */
final class NrrdHeader {

    /** How the voxel bytes are stored. */
    enum Encoding {
        RAW("raw"), GZIP("gzip");

        final String label;

        Encoding(String label) {
            this.label = label;
        }
    }

    /** The key/value pair the NRRD writer uses to carry a volume's orientation (BrainGlobe code). */
    static final String ORIENTATION_KEY = "neuroatlas.orientation";

    /** A header larger than this is not a header: the file is garbage or lacks the blank line ending the header. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final Pattern MAGIC = Pattern.compile("NRRD000[1-9]");
    private static final Pattern VECTOR = Pattern.compile("\\(([^)]*)\\)|none");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    /** The comment teem and Allen put in every header; not worth showing. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)complete nrrd file format specification at:?|https?://teem\\.sourceforge\\.net/nrrd/format\\.html");

    final Path file;
    final String magic;
    /** Fields by normalised name (lower case, blanks removed: {@code spacedirections}), raw descriptions. */
    final Map<String, String> fields;
    final Map<String, String> keyValues;
    final List<String> comments;
    /** Bytes from the start of the header file to the first byte after the header (where attached data starts). */
    final long headerBytes;

    final String typeName;
    final PixelType pixelType;
    final int dimension;
    /** Size in voxels along x, y, z. */
    final long[] sizes;
    final Encoding encoding;
    final ByteOrder byteOrder;
    /** The data files of a detached header, in payload order; empty when the data follow the header. */
    final List<Path> dataFiles;
    final long lineSkip;
    /** Bytes to skip in each data file ({@code -1}: the data are the last bytes of a raw file). */
    final long byteSkip;
    final Optional<VoxelSize> voxelSizeUm;
    final Optional<Orientation> orientation;
    /** Facts for display, in display order. */
    final Map<String, String> details;

    private NrrdHeader(Path file, Lines lines) {
        this.file = file;
        this.magic = lines.magic;
        this.fields = Collections.unmodifiableMap(lines.fields);
        this.keyValues = Collections.unmodifiableMap(lines.keyValues);
        this.comments = List.copyOf(lines.comments);
        this.headerBytes = lines.headerBytes;

        typeName = required("type").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        pixelType = pixelTypeOf(typeName);
        dimension = parseInt("dimension", required("dimension"));
        sizes = parseSizes();
        encoding = parseEncoding(required("encoding"));
        byteOrder = parseEndian();
        lineSkip = fields.containsKey("lineskip") ? parseLong("line skip", fields.get("lineskip")) : 0;
        byteSkip = fields.containsKey("byteskip") ? parseLong("byte skip", fields.get("byteskip")) : 0;
        if (lineSkip < 0 || byteSkip < -1) {
            throw error("'line skip' must be 0 or more and 'byte skip' -1 or more", "Fix the header");
        }
        if (byteSkip == -1 && encoding != Encoding.RAW) {
            // -1 means "the data are the last bytes of the file", which only a raw file can tell.
            throw error("'byte skip: -1' is only allowed with raw encoding", "Give the real number of bytes to skip");
        }
        dataFiles = parseDataFiles(lines.dataFileList);
        Map<String, String> d = new LinkedHashMap<>();
        voxelSizeUm = parseVoxelSize(d);
        orientation = parseOrientation();
        details = Collections.unmodifiableMap(describe(d));
    }

    /**
     * Reads and checks the header of {@code file}.
     *
     * @throws InputException if it is not a NRRD header NeuroAtlas can read (the message names the file and says
     *                        what to do)
     */
    static NrrdHeader read(Path file) throws IOException {
        Lines lines;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            lines = Lines.read(in, file);
        }
        return new NrrdHeader(file, lines);
    }

    /** True if the voxels follow the header in the same file. */
    boolean isAttached() {
        return dataFiles.isEmpty();
    }

    /** Number of voxels. */
    long numVoxels() {
        return sizes[0] * sizes[1] * sizes[2];
    }

    /** Uncompressed size of the voxels in bytes. */
    long payloadBytes() {
        return numVoxels() * pixelType.bytesPerVoxel();
    }

    /** The header's line-by-line text split into magic, fields, key/value pairs and comments. */
    private static final class Lines {
        String magic;
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, String> keyValues = new LinkedHashMap<>();
        final List<String> comments = new ArrayList<>();
        List<String> dataFileList;
        long headerBytes;

        static Lines read(InputStream in, Path file) throws IOException {
            Lines l = new Lines();
            long[] consumed = {0};
            String first = readLine(in, consumed, file);
            if (first == null || !MAGIC.matcher(first.trim()).matches()) {
                throw InputException.file(file, "is not a NRRD file (it does not start with the NRRD magic line NRRD0001…NRRD0005)",
                        "Check that it is a .nrrd or .nhdr file and not damaged; re-export it if needed");
            }
            l.magic = first.trim();
            int lineNo = 1;
            String line;
            while ((line = readLine(in, consumed, file)) != null) {
                lineNo++;
                if (line.isBlank()) {
                    break; // the blank line ends an attached header; the data start right after it
                }
                if (l.dataFileList != null) {
                    l.dataFileList.add(line.trim()); // after "data file: LIST" every line names a data file
                    continue;
                }
                if (line.startsWith("#")) {
                    l.comments.add(line.substring(1).trim());
                    continue;
                }
                int kv = line.indexOf(":=");
                int field = line.indexOf(": ");
                if (kv >= 0 && (field < 0 || kv < field)) {
                    l.keyValues.put(line.substring(0, kv).trim(), line.substring(kv + 2).trim());
                } else if (field > 0) {
                    String name = line.substring(0, field).trim().toLowerCase(Locale.ROOT).replace(" ", "");
                    String desc = line.substring(field + 2).trim();
                    l.fields.put(name, desc);
                    if (name.equals("datafile") && desc.split("\\s+")[0].equals("LIST")) {
                        l.dataFileList = new ArrayList<>();
                    }
                } else {
                    String shown = line.length() > 60 ? line.substring(0, 60) + "…" : line;
                    throw InputException.file(file, "header line " + lineNo + " ('" + shown + "') is neither a field nor a comment",
                            "The NRRD header is damaged, or the blank line between header and data is missing; fix or re-export the file");
                }
            }
            l.headerBytes = consumed[0];
            return l;
        }

        /** One line without its terminator (LF or CRLF), decoded as UTF-8; null at end of input. */
        private static String readLine(InputStream in, long[] consumed, Path file) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(80);
            int c;
            boolean any = false;
            while ((c = in.read()) >= 0) {
                any = true;
                consumed[0]++;
                if (consumed[0] > MAX_HEADER_BYTES) {
                    throw InputException.file(file, "has no end of its NRRD header within " + (MAX_HEADER_BYTES >> 20) + " MiB",
                            "The file is not a NRRD file or its header lacks the blank line before the data; fix or re-export it");
                }
                if (c == '\n') {
                    break;
                }
                if (c == 0) {
                    throw InputException.file(file, "has binary bytes inside its NRRD header",
                            "The blank line between header and data is probably missing; fix or re-export the file");
                }
                b.write(c);
            }
            if (!any) {
                return null;
            }
            String s = b.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
    }

    private String required(String name) {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            throw error("the header has no '" + name + "' field", "Every NRRD header needs type, dimension, sizes and encoding; fix the header");
        }
        return v;
    }

    /** Maps the NRRD type names (all spellings the format allows) of the four supported types. */
    private PixelType pixelTypeOf(String t) {
        return switch (t) {
            case "uchar", "unsigned char", "uint8", "uint8_t" -> PixelType.UINT8;
            case "ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t" -> PixelType.UINT16;
            case "uint", "unsigned int", "uint32", "uint32_t" -> PixelType.UINT32;
            case "float" -> PixelType.FLOAT32;
            default -> throw error("voxel type '" + t + "' is not supported",
                    "NeuroAtlas reads NRRD types uchar, ushort, uint and float (uint8, uint16, uint32, float32); convert the file, "
                            + "e.g. with 'unu convert -t float' (teem), Fiji or 3D Slicer");
        };
    }

    private long[] parseSizes() {
        if (dimension < 2) {
            throw error("dimension " + dimension + " is not supported", "NeuroAtlas reads 2-D and 3-D NRRD volumes");
        }
        String[] parts = required("sizes").split("\\s+");
        if (parts.length != dimension) {
            throw error("'sizes' has " + parts.length + " numbers but 'dimension' is " + dimension, "Fix the header");
        }
        long[] s = new long[Math.max(3, dimension)];
        for (int i = 0; i < dimension; i++) {
            s[i] = parseLong("sizes", parts[i]);
            if (s[i] < 1) {
                throw error("'sizes' must be positive: " + required("sizes"), "Fix the header");
            }
        }
        if (dimension == 2) {
            s[2] = 1;
        }
        for (int i = 3; i < dimension; i++) {
            if (s[i] != 1) {
                throw error("is a " + dimension + "-D NRRD (sizes " + required("sizes") + ")",
                        "NeuroAtlas reads 2-D and 3-D scalar volumes; extract one channel or time point first, e.g. with 'unu slice'");
            }
        }
        long[] xyz = {s[0], s[1], s[2]};
        try {
            Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(xyz[0], xyz[1]), xyz[2]), pixelType.bytesPerVoxel());
        } catch (ArithmeticException e) {
            throw error("'sizes' " + required("sizes") + " are too large", "Fix the header");
        }
        return xyz;
    }

    private Encoding parseEncoding(String e) {
        return switch (e.toLowerCase(Locale.ROOT)) {
            case "raw" -> Encoding.RAW;
            case "gzip", "gz" -> Encoding.GZIP;
            default -> throw error("encoding '" + e + "' is not supported",
                    "NeuroAtlas reads raw and gzip NRRDs; re-save the file with one of them, e.g. 'unu save -e gzip'");
        };
    }

    private ByteOrder parseEndian() {
        String e = fields.get("endian");
        if (e == null) {
            if (pixelType.bytesPerVoxel() > 1) {
                throw error("the header has no 'endian' field, which type '" + typeName + "' needs",
                        "Add 'endian: little' (or 'endian: big') to the header");
            }
            return ByteOrder.LITTLE_ENDIAN;
        }
        return switch (e.toLowerCase(Locale.ROOT)) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw error("'endian: " + e + "' is neither little nor big", "Fix the header");
        };
    }

    /**
     * The data files named by {@code data file}: one file, {@code LIST} (names on the following lines) or a
     * printf-style pattern with min, max and step. Relative names are relative to the header's folder.
     */
    private List<Path> parseDataFiles(List<String> list) {
        String desc = fields.get("datafile");
        if (desc == null) {
            return List.of();
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        String[] t = desc.split("\\s+");
        if (t[0].equals("LIST")) {
            for (String name : list) {
                if (!name.isEmpty()) {
                    out.add(dir.resolve(name));
                }
            }
            checkSubdim(t.length > 1 ? t[1] : null);
        } else if (t.length >= 4 && t[0].contains("%") && isInteger(t[1]) && isInteger(t[2]) && isInteger(t[3])) {
            long min = Long.parseLong(t[1]);
            long max = Long.parseLong(t[2]);
            long step = Long.parseLong(t[3]);
            if (step == 0 || (max - min) / step < 0 || (max - min) / step > 1_000_000) {
                throw error("'data file: " + desc + "' has a bad range (min max step)", "Fix the 'data file' line");
            }
            for (long i = min; step > 0 ? i <= max : i >= max; i += step) {
                try {
                    out.add(dir.resolve(String.format(Locale.ROOT, t[0], i)));
                } catch (java.util.IllegalFormatException e) {
                    throw error("'data file: " + desc + "' has a file name pattern that is not a printf pattern for one integer",
                            "Use e.g. 'data file: slice%03d.raw 0 99 1'");
                }
            }
            checkSubdim(t.length > 4 ? t[4] : null);
        } else {
            out.add(dir.resolve(desc)); // a single name, which may contain blanks
        }
        if (out.isEmpty()) {
            throw error("'data file' names no file", "Fix the 'data file' line");
        }
        if (payloadBytes() % out.size() != 0) {
            throw error(out.size() + " data files cannot share " + payloadBytes() + " bytes of voxels equally",
                    "Each data file must hold the same number of planes; fix the 'data file' line or 'sizes'");
        }
        return List.copyOf(out);
    }

    private void checkSubdim(String subdim) {
        if (subdim != null && (!isInteger(subdim) || Integer.parseInt(subdim) < 1 || Integer.parseInt(subdim) > dimension)) {
            throw error("the 'data file' sub-dimension '" + subdim + "' is not between 1 and " + dimension, "Fix the 'data file' line");
        }
        // Any valid sub-dimension means the same thing for us: the files, in order, concatenate to the payload.
    }

    /**
     * Voxel size in µm from {@code space directions} (lengths of the axis vectors) or else {@code spacings}, with
     * {@code space units} / {@code units}. Without units the numbers are taken as µm: Allen's CCF files give
     * {@code space directions: (25,0,0) …} in µm with no unit field. Notes for {@code details} go into {@code d}.
     */
    private Optional<VoxelSize> parseVoxelSize(Map<String, String> d) {
        int axes = Math.min(dimension, 3);
        double[] len = new double[axes];
        String[] units;
        String sd = fields.get("spacedirections");
        String sp = fields.get("spacings");
        if (sd != null) {
            List<double[]> vectors = parseVectors(sd);
            for (int i = 0; i < axes; i++) {
                double[] v = vectors.get(i);
                len[i] = v == null ? Double.NaN : norm(v);
            }
            if (!isDiagonal(vectors, axes)) {
                d.put("axes", "not aligned with the space axes (space directions " + sd
                        + "); voxel size taken as the lengths of the direction vectors");
            }
            units = parseQuoted(fields.get("spaceunits"));
        } else if (sp != null) {
            String[] p = sp.trim().split("\\s+");
            if (p.length != dimension) {
                throw error("'spacings' has " + p.length + " numbers but 'dimension' is " + dimension, "Fix the header");
            }
            for (int i = 0; i < axes; i++) {
                len[i] = parseDouble("spacings", p[i]);
            }
            units = parseQuoted(fields.get("units"));
        } else {
            d.put("voxel size", "not in the header (no 'space directions' or 'spacings')");
            return Optional.empty();
        }
        double[] um = new double[3];
        boolean assumed = false;
        for (int i = 0; i < axes; i++) {
            double scale = 1;
            if (units != null && i < units.length) {
                OptionalDouble s = LengthUnits.micronsPer(units[i]);
                if (s.isEmpty()) {
                    d.put("voxel size", "ignored: unknown unit '" + units[i] + "'");
                    return Optional.empty();
                }
                scale = s.getAsDouble();
            } else {
                assumed = true;
            }
            um[i] = len[i] * scale;
            if (!(um[i] > 0) || Double.isInfinite(um[i])) {
                d.put("voxel size", "not usable: axis " + "xyz".charAt(i) + " has spacing " + len[i]);
                return Optional.empty();
            }
        }
        if (axes == 2) {
            um[2] = um[0];
            d.put("plane thickness", "not given for a 2-D NRRD; taken equal to the x spacing");
        }
        if (assumed) {
            d.put("voxel size unit", "µm (assumed: the header gives no units, as in Allen CCF files)");
        }
        return Optional.of(new VoxelSize(um[0], um[1], um[2]));
    }

    private List<double[]> parseVectors(String sd) {
        List<double[]> out = new ArrayList<>();
        Matcher m = VECTOR.matcher(sd);
        while (m.find()) {
            if (m.group(1) == null) {
                out.add(null); // "none": a non-spatial axis
                continue;
            }
            String[] p = m.group(1).split(",");
            double[] v = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                v[i] = parseDouble("space directions", p[i].trim());
            }
            out.add(v);
        }
        if (out.size() != dimension) {
            throw error("'space directions' has " + out.size() + " entries but 'dimension' is " + dimension, "Fix the header");
        }
        return out;
    }

    /** True if axis i points along space axis i only (the usual case: voxel size is then exact). */
    private static boolean isDiagonal(List<double[]> vectors, int axes) {
        for (int i = 0; i < axes; i++) {
            double[] v = vectors.get(i);
            if (v == null) {
                return false;
            }
            for (int j = 0; j < v.length; j++) {
                if ((j == i) != (v[j] != 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** {@code "mm" "mm" "mm"} → [mm, mm, mm]; also accepts unquoted words. Null for a missing field. */
    private static String[] parseQuoted(String desc) {
        if (desc == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(desc);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out.isEmpty() ? desc.trim().split("\\s+") : out.toArray(new String[0]);
    }

    private Optional<Orientation> parseOrientation() {
        String o = keyValues.get(ORIENTATION_KEY);
        if (o == null) {
            // Deliberately not derived from 'space': Allen's CCF files say left-posterior-superior although their
            // axes are AP, DV, LR, so trusting 'space' would orient the atlas wrongly.
            return Optional.empty();
        }
        try {
            return Optional.of(Orientation.parse(o, ORIENTATION_KEY));
        } catch (InputException e) {
            throw error("key '" + ORIENTATION_KEY + "' holds '" + o + "', not an orientation code", "Fix or remove that line");
        }
    }

    private Map<String, String> describe(Map<String, String> notes) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("nrrd type", typeName);
        d.put("encoding", encoding.label);
        if (pixelType.bytesPerVoxel() > 1) {
            d.put("endian", byteOrder == ByteOrder.LITTLE_ENDIAN ? "little" : "big");
        }
        if (!dataFiles.isEmpty()) {
            d.put("data file", dataFiles.size() == 1 ? dataFiles.get(0).toString()
                    : dataFiles.size() + " files, " + dataFiles.get(0).getFileName() + " … " + dataFiles.get(dataFiles.size() - 1).getFileName());
        }
        if (lineSkip != 0) {
            d.put("line skip", Long.toString(lineSkip));
        }
        if (byteSkip != 0) {
            d.put("byte skip", Long.toString(byteSkip));
        }
        for (String[] f : new String[][] {{"space", "space"}, {"spacedimension", "space dimension"},
                {"spacedirections", "space directions"}, {"spaceunits", "space units"}, {"spaceorigin", "space origin"},
                {"spacings", "spacings"}, {"units", "units"}, {"kinds", "kinds"}, {"content", "content"}}) {
            if (fields.containsKey(f[0])) {
                d.put(f[1], fields.get(f[0]));
            }
        }
        d.putAll(notes);
        List<String> shown = comments.stream().filter(c -> !c.isEmpty() && !BOILERPLATE.matcher(c).matches()).toList();
        if (!shown.isEmpty()) {
            d.put("comments", String.join(" / ", shown));
        }
        keyValues.forEach((k, v) -> d.putIfAbsent(k, v));
        return d;
    }

    private int parseInt(String field, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw error("'" + field + ": " + v + "' is not a whole number", "Fix the header");
        }
    }

    private long parseLong(String field, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw error("'" + field + "' holds '" + v + "', not a whole number", "Fix the header");
        }
    }

    private double parseDouble(String field, String v) {
        if (v.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error("'" + field + "' holds '" + v + "', not a number", "Fix the header");
        }
    }

    private static boolean isInteger(String s) {
        return s.matches("-?\\d+");
    }

    private InputException error(String problem, String remedy) {
        return InputException.file(file, problem, remedy);
    }
}
