package org.neuroatlas.core.register;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.volume.LengthUnits;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.VoxelBytes;

/**
 * Reads and writes a {@link DisplacementField} as a 4-D NRRD with attached header; the layout written, and why, is
 * in the package documentation. The vector axis comes first (fastest in the file), so each node's
 * (u_x, u_y, u_z) are adjacent, as in the field's memory layout: a plane of nodes is one bulk copy.
 * <p>
 * The reader accepts what the writer writes plus the usual variations (raw encoding, big-endian, NRRD0001–5,
 * fields in any order, CRLF lines, {@code space dimension: 3} instead of {@code space}, {@code 3-vector} kind, no
 * units or µm in another spelling), and insists on the {@code neuroatlas.displacement} key: a field without it may
 * be in mm or in another space, and mapping cells through it silently would be wrong.
 */
final class DisplacementFieldNrrd {

    /** The key/value pair that marks a file as a NeuroAtlas displacement field, and its only value. */
    static final String KEY = "neuroatlas.displacement";
    static final String VALUE = "atlas-space-um";

    private static final int MAX_HEADER_BYTES = 1 << 16;
    private static final Pattern MAGIC = Pattern.compile("NRRD000[1-5]");
    private static final Pattern VECTOR = Pattern.compile("\\(([^)]*)\\)|none");

    private DisplacementFieldNrrd() {
    }

    /** Writes {@code field} to {@code file} atomically, gzip level 1 (fields compress poorly; speed matters more). */
    static void write(DisplacementField field, Path file) throws IOException {
        byte[] header = header(field).getBytes(StandardCharsets.US_ASCII);
        int[] dims = field.dimensions();
        int planeFloats = 3 * dims[0] * dims[1];
        float[] data = field.data();
        AtomicFile.write(file, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                out.write(header);
                GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
                ByteBuffer buf = ByteBuffer.allocate(planeFloats * 4).order(ByteOrder.LITTLE_ENDIAN);
                FloatBuffer view = (FloatBuffer) VoxelBytes.view(buf, ByteOrder.LITTLE_ENDIAN, PixelType.FLOAT32);
                for (int k = 0; k < dims[2]; k++) {
                    VoxelBytes.put(data, k * planeFloats, view, 0, planeFloats);
                    gz.write(buf.array(), 0, planeFloats * 4);
                }
                gz.finish();
            }
        });
    }

    /** The header text, ending with the blank line before the data. */
    static String header(DisplacementField field) {
        int[] n = field.dimensions();
        double[] s = field.spacingUm();
        double[] o = field.originUm();
        StringBuilder h = new StringBuilder();
        h.append("NRRD0004\n");
        h.append("# Complete NRRD file format specification at:\n");
        h.append("# http://teem.sourceforge.net/nrrd/format.html\n");
        h.append("# NeuroAtlas displacement field: vectors and grid in microns along the atlas axes (x = AP, y = DV, z = LR)\n");
        h.append("type: float\n");
        h.append("dimension: 4\n");
        h.append("space: left-posterior-superior\n");
        h.append("sizes: 3 ").append(n[0]).append(' ').append(n[1]).append(' ').append(n[2]).append('\n');
        h.append("space directions: none (").append(num(s[0])).append(",0,0) (0,").append(num(s[1])).append(",0) (0,0,")
                .append(num(s[2])).append(")\n");
        h.append("kinds: vector domain domain domain\n");
        h.append("endian: little\n");
        h.append("encoding: gzip\n");
        h.append("space units: \"microns\" \"microns\" \"microns\"\n");
        h.append("space origin: (").append(num(o[0])).append(',').append(num(o[1])).append(',').append(num(o[2])).append(")\n");
        h.append(KEY).append(":=").append(VALUE).append('\n');
        h.append('\n');
        return h.toString();
    }

    private static String num(double d) {
        return AffineMap.number(d);
    }

    /**
     * Reads a displacement field.
     *
     * @throws InputException if the file is missing, is not such a field, or its data are damaged
     */
    static DisplacementField read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw InputException.file(file, "displacement field not found",
                    "Check the path; a transform folder holds displacement.nrrd and displacement_inverse.nrrd next to transform.json");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Header h = Header.read(in, file);
            float[] data = new float[Math.toIntExact(3L * h.dims[0] * h.dims[1] * h.dims[2])];
            InputStream payload = h.gzip ? new GZIPInputStream(in, 1 << 16) : in;
            readFloats(payload, h.order, data, file);
            // Reading on to the end makes gzip check its CRC, and catches data beyond what 'sizes' describe.
            if (payload.read() >= 0) {
                throw InputException.file(file, "holds more data than its header's sizes describe",
                        "The file is damaged or its header was edited; write the field again");
            }
            return DisplacementField.wrap(h.origin, h.spacing, h.dims, data);
        } catch (NoSuchFileException e) {
            throw InputException.file(file, "displacement field not found", "Check the path", e);
        } catch (EOFException e) {
            throw InputException.file(file, "its data end early (the file is truncated)", "Write or copy the file again", e);
        } catch (ZipException e) {
            throw InputException.file(file, "its gzip data are damaged (" + e.getMessage() + ")", "Write or copy the file again", e);
        }
    }

    /** Fills {@code data} from {@code in}, a plane-sized chunk at a time. */
    private static void readFloats(InputStream in, ByteOrder order, float[] data, Path file) throws IOException {
        int chunkFloats = Math.min(data.length, 1 << 18);
        byte[] bytes = new byte[chunkFloats * 4];
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        FloatBuffer view = (FloatBuffer) VoxelBytes.view(buf, order, PixelType.FLOAT32);
        for (int at = 0; at < data.length; at += chunkFloats) {
            int n = Math.min(chunkFloats, data.length - at);
            int need = n * 4, got = 0;
            while (got < need) {
                int r = in.read(bytes, got, need - got);
                if (r < 0) {
                    throw new EOFException("expected " + (4L * data.length) + " bytes of vectors");
                }
                got += r;
            }
            VoxelBytes.get(view, 0, data, at, n);
        }
    }

    /** The parts of the header we need, checked. */
    private static final class Header {
        int[] dims;
        double[] spacing;
        double[] origin = new double[3];
        boolean gzip;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        static Header read(InputStream in, Path file) throws IOException {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> keys = new LinkedHashMap<>();
            int[] consumed = {0};
            String magic = line(in, consumed, file);
            if (magic == null || !MAGIC.matcher(magic.trim()).matches()) {
                throw InputException.file(file, "is not a NRRD file (no NRRD magic line)",
                        "Give the displacement field written by NeuroAtlas (displacement.nrrd), or write it again");
            }
            String l;
            while ((l = line(in, consumed, file)) != null && !l.isBlank()) {
                if (l.startsWith("#")) {
                    continue;
                }
                int kv = l.indexOf(":=");
                int f = l.indexOf(": ");
                if (kv >= 0 && (f < 0 || kv < f)) {
                    keys.put(l.substring(0, kv).trim(), l.substring(kv + 2).trim());
                } else if (f > 0) {
                    fields.put(l.substring(0, f).trim().toLowerCase(Locale.ROOT).replace(" ", ""), l.substring(f + 2).trim());
                } else {
                    throw InputException.file(file, "NRRD header line '" + l + "' is neither a field nor a comment",
                            "The header is damaged; write the field again");
                }
            }
            if (l == null) {
                throw InputException.file(file, "its NRRD header has no end (no blank line before the data)", "Write the field again");
            }
            Header h = new Header();
            h.check(fields, keys, file);
            return h;
        }

        private void check(Map<String, String> f, Map<String, String> keys, Path file) {
            if (!VALUE.equals(keys.get(KEY))) {
                throw InputException.file(file, "is not a NeuroAtlas displacement field (its header lacks '" + KEY + ":=" + VALUE + "')",
                        "Displacements must be in µm along the atlas axes; convert fields from other tools with NeuroAtlas before use");
            }
            String type = req(f, "type", file).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!type.equals("float")) {
                throw bad(file, "type is '" + type + "', not float");
            }
            if (!req(f, "dimension", file).equals("4")) {
                throw bad(file, "dimension is " + f.get("dimension") + ", not 4 (vector, x, y, z)");
            }
            String[] sizes = req(f, "sizes", file).split("\\s+");
            if (sizes.length != 4 || !sizes[0].equals("3")) {
                throw bad(file, "sizes '" + f.get("sizes") + "' are not '3 X Y Z'");
            }
            dims = new int[3];
            for (int d = 0; d < 3; d++) {
                try {
                    dims[d] = Integer.parseInt(sizes[d + 1]);
                } catch (NumberFormatException e) {
                    dims[d] = -1;
                }
                if (dims[d] < 1) {
                    throw bad(file, "sizes '" + f.get("sizes") + "' are not positive whole numbers");
                }
            }
            if (3L * dims[0] * dims[1] * dims[2] > Integer.MAX_VALUE - 8) {
                throw bad(file, "grid " + dims[0] + "×" + dims[1] + "×" + dims[2] + " is too large to hold in memory");
            }
            String kinds = f.get("kinds");
            if (kinds != null) {
                String[] k = kinds.toLowerCase(Locale.ROOT).split("\\s+");
                if (k.length != 4 || !(k[0].equals("vector") || k[0].equals("3-vector"))) {
                    throw bad(file, "kinds '" + kinds + "' do not start with a vector axis");
                }
            }
            String enc = req(f, "encoding", file).toLowerCase(Locale.ROOT);
            gzip = enc.equals("gzip") || enc.equals("gz");
            if (!gzip && !enc.equals("raw")) {
                throw bad(file, "encoding '" + enc + "' is not gzip or raw");
            }
            String endian = req(f, "endian", file).toLowerCase(Locale.ROOT);
            if (!endian.equals("little") && !endian.equals("big")) {
                throw bad(file, "endian '" + endian + "' is not little or big");
            }
            order = endian.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            checkMicrons(f.get("spaceunits"), file);
            spacing = spacings(req(f, "spacedirections", file), file);
            String o = f.get("spaceorigin");
            if (o != null) {
                origin = vector(o.trim().replaceAll("^\\(|\\)$", ""), 3, "space origin", file);
            }
        }

        /**
         * Checks that {@code space units}, if present, are µm: the NeuroAtlas key promises µm, and a grid in other units
         * would contradict it. Absent units mean µm, as in Allen's files.
         */
        private static void checkMicrons(String units, Path file) {
            if (units == null) {
                return;
            }
            Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(units);
            List<String> u = new ArrayList<>();
            while (m.find()) {
                u.add(m.group(1));
            }
            if (u.isEmpty()) {
                u = List.of(units.trim().split("\\s+"));
            }
            for (String s : u) {
                OptionalDouble um = LengthUnits.micronsPer(s);
                if (um.isEmpty() || um.getAsDouble() != 1) {
                    throw bad(file, "space units " + units + " are not microns");
                }
            }
        }

        /** Diagonal spacings from {@code none (sx,0,0) (0,sy,0) (0,0,sz)}. */
        private static double[] spacings(String sd, Path file) {
            Matcher m = VECTOR.matcher(sd);
            List<String> parts = new ArrayList<>();
            while (m.find()) {
                parts.add(m.group(1)); // null for "none"
            }
            if (parts.size() != 4 || parts.get(0) != null) {
                throw bad(file, "space directions '" + sd + "' are not 'none (SX,0,0) (0,SY,0) (0,0,SZ)'");
            }
            double[] s = new double[3];
            for (int d = 0; d < 3; d++) {
                double[] v = vector(parts.get(d + 1), 3, "space directions", file);
                for (int e = 0; e < 3; e++) {
                    if ((e == d) != (v[e] != 0)) {
                        throw bad(file, "space directions '" + sd + "' are not aligned with the axes (the grid may not be rotated)");
                    }
                }
                s[d] = v[d];
                if (!(s[d] > 0) || Double.isInfinite(s[d])) {
                    throw bad(file, "space directions '" + sd + "' do not give positive spacings");
                }
            }
            return s;
        }

        private static double[] vector(String text, int n, String field, Path file) {
            String[] p = text == null ? new String[0] : text.split(",");
            if (p.length != n) {
                throw bad(file, "'" + field + "' holds '" + text + "', not " + n + " numbers");
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                try {
                    v[i] = Double.parseDouble(p[i].trim());
                } catch (NumberFormatException e) {
                    throw bad(file, "'" + field + "' holds '" + p[i].trim() + "', not a number");
                }
                if (!Double.isFinite(v[i])) {
                    throw bad(file, "'" + field + "' holds a value that is not finite");
                }
            }
            return v;
        }

        private static String req(Map<String, String> f, String name, Path file) {
            String v = f.get(name);
            if (v == null) {
                throw bad(file, "the NRRD header lacks the field '" + name + "'");
            }
            return v.trim();
        }

        private static InputException bad(Path file, String problem) {
            return InputException.file(file, "is not a displacement field NeuroAtlas can read: " + problem,
                    "Write the field again with NeuroAtlas");
        }

        /** One header line (LF or CRLF), or null at the end of the input. */
        private static String line(InputStream in, int[] consumed, Path file) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(80);
            int c;
            boolean any = false;
            while ((c = in.read()) >= 0) {
                any = true;
                if (++consumed[0] > MAX_HEADER_BYTES || c == 0) {
                    throw InputException.file(file, "has no readable NRRD header (binary data or no blank line after the header)",
                            "Give the displacement field written by NeuroAtlas, or write it again");
                }
                if (c == '\n') {
                    break;
                }
                b.write(c);
            }
            if (!any) {
                return null;
            }
            String s = b.toString(StandardCharsets.US_ASCII);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
