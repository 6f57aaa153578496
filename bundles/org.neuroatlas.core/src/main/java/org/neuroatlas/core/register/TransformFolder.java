package org.neuroatlas.core.register;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.Json;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The on-disk form of an {@link AtlasTransform}: a folder with {@code transform.json} and the two field NRRDs (see
 * the package documentation for both formats). The JSON is written by hand, in a fixed member order and layout,
 * so that people can read and diff it; it is read with {@link Json}. Readers accept format versions up to
 * {@link #FORMAT_VERSION} and ignore members they do not know, so later versions can add members without breaking
 * older readers as long as the version stays.
 */
final class TransformFolder {

    static final String FORMAT = "neuroatlas-transform";
    static final int FORMAT_VERSION = 1;
    static final String JSON_FILE = "transform.json";
    static final String FORWARD_FILE = "displacement.nrrd";
    static final String INVERSE_FILE = "displacement_inverse.nrrd";
    private static final String MODEL = "atlas->sample: x_s = A*(x_a + u(x_a)) + b; sample->atlas: x_a = W^-1(A^-1*(x_s - b)), "
            + "W^-1(y) = y + v(y); all coordinates in micrometres, atlas points along the atlas axes, sample points along the "
            + "sample volume's stored axes (column, row, plane)";

    private TransformFolder() {
    }

    static void write(AtlasTransform t, Path folder) throws IOException {
        String json = json(t);
        AtomicFile.writeDirectory(folder, tmp -> {
            if (!t.isAffine()) {
                t.displacement().orElseThrow().write(tmp.resolve(FORWARD_FILE));
                t.inverseDisplacement().orElseThrow().write(tmp.resolve(INVERSE_FILE));
            }
            // The JSON goes last: a folder with a transform.json has all its files.
            Files.writeString(tmp.resolve(JSON_FILE), json, StandardCharsets.UTF_8);
        });
    }

    static String json(AtlasTransform t) {
        double[] a = t.sampleSide().toArray();
        SampleGeometry s = t.sample();
        TransformQuality q = t.quality();
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"format\": ").append(Json.quote(FORMAT)).append(",\n");
        b.append("  \"formatVersion\": ").append(FORMAT_VERSION).append(",\n");
        b.append("  \"model\": ").append(Json.quote(MODEL)).append(",\n");
        b.append("  \"atlas\": ").append(Json.quote(t.atlasKey())).append(",\n");
        b.append("  \"affine\": [\n");
        for (int r = 0; r < 3; r++) {
            b.append("    ").append(num(a[4 * r])).append(", ").append(num(a[4 * r + 1])).append(", ").append(num(a[4 * r + 2])).append(", ")
                    .append(num(a[4 * r + 3])).append(r < 2 ? ",\n" : "\n");
        }
        b.append("  ],\n");
        long[] d = s.dimensions();
        VoxelSize v = s.voxelSizeUm();
        b.append("  \"sample\": {\n");
        b.append("    \"dimensions\": [").append(d[0]).append(", ").append(d[1]).append(", ").append(d[2]).append("],\n");
        b.append("    \"voxelSizeUm\": [").append(num(v.xUm())).append(", ").append(num(v.yUm())).append(", ").append(num(v.zUm())).append("],\n");
        b.append("    \"orientation\": ").append(s.orientation() == null ? "null" : Json.quote(s.orientation().code())).append('\n');
        b.append("  },\n");
        b.append("  \"displacement\": ").append(t.isAffine() ? "null" : Json.quote(FORWARD_FILE)).append(",\n");
        b.append("  \"inverseDisplacement\": ").append(t.isAffine() ? "null" : Json.quote(INVERSE_FILE)).append(",\n");
        b.append("  \"quality\": {\n");
        b.append("    \"minJacobianDeterminant\": ").append(num(q.minJacobianDeterminant())).append(",\n");
        b.append("    \"maxJacobianDeterminant\": ").append(num(q.maxJacobianDeterminant())).append(",\n");
        b.append("    \"foldedNodes\": ").append(q.foldedNodes()).append(",\n");
        b.append("    \"maxDisplacementUm\": ").append(num(q.maxDisplacementUm())).append(",\n");
        b.append("    \"inverseResidualUm\": ").append(num(q.inverseResidualUm())).append(",\n");
        b.append("    \"affineDeterminant\": ").append(num(q.affineDeterminant())).append('\n');
        b.append("  }\n");
        b.append("}\n");
        return b.toString();
    }

    /** JSON has no NaN or infinity: those become null (read back as NaN). */
    private static String num(double d) {
        return Double.isFinite(d) ? AffineMap.number(d) : "null";
    }

    static AtlasTransform read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw InputException.file(folder, Files.exists(folder) ? "is not a folder" : "transform folder not found",
                    "Give the folder that holds transform.json (written by the registration step or the simulator)");
        }
        Path jsonFile = folder.resolve(JSON_FILE);
        String text;
        try {
            byte[] bytes = Files.readAllBytes(jsonFile);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw InputException.file(jsonFile, "missing: the folder is not a transform (or was not written completely)",
                    "Give the folder written by the registration step or the simulator, or compute the transform again", e);
        } catch (CharacterCodingException e) {
            throw InputException.file(jsonFile, "is not UTF-8 text", "The file is damaged; compute the transform again", e);
        }
        Reader r = new Reader(jsonFile);
        Map<String, Object> root = r.object(parse(text, jsonFile), "the file");
        String format = r.string(root, "format");
        if (!FORMAT.equals(format)) {
            throw r.error("is not a NeuroAtlas transform (format \"" + format + "\")", "Give the transform.json written by NeuroAtlas");
        }
        long version = r.longValue(root, "formatVersion");
        if (version > FORMAT_VERSION) {
            throw r.error("has format version " + version + ", newer than this NeuroAtlas reads (" + FORMAT_VERSION + ")",
                    "Update NeuroAtlas to read it");
        }
        if (version < 1) {
            throw r.error("has an invalid format version " + version, "Compute the transform again");
        }
        String atlas = r.string(root, "atlas");
        AffineMap affine = r.affine(root);
        SampleGeometry sample = r.sample(r.object(root.get("sample"), "\"sample\""));
        TransformQuality quality = r.quality(r.object(root.get("quality"), "\"quality\""));
        String forward = r.optionalString(root, "displacement");
        String inverse = r.optionalString(root, "inverseDisplacement");
        if ((forward == null) != (inverse == null)) {
            throw r.error("names only one of \"displacement\" and \"inverseDisplacement\"", "Both or neither are needed; compute the transform again");
        }
        if (forward == null) {
            return AtlasTransform.restore(affine, null, null, atlas, sample, quality);
        }
        DisplacementField u = DisplacementField.read(r.fieldFile(folder, forward, "displacement"));
        DisplacementField v = DisplacementField.read(r.fieldFile(folder, inverse, "inverseDisplacement"));
        return AtlasTransform.restore(affine, u, v, atlas, sample, quality);
    }

    private static Object parse(String text, Path file) {
        try {
            return Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw InputException.file(file, "is not valid JSON (" + e.getMessage() + ")", "The file is damaged; compute the transform again", e);
        }
    }

    /** Typed access to the parsed JSON, with errors that name the file and the member. */
    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        InputException error(String problem, String remedy) {
            return InputException.file(file, problem, remedy);
        }

        private InputException bad(String member, String what) {
            return error("member \"" + member + "\" " + what, "Fix the file or compute the transform again");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(Object o, String what) {
            if (!(o instanceof Map)) {
                throw error(what + " is not a JSON object", "Fix the file or compute the transform again");
            }
            return (Map<String, Object>) o;
        }

        private Object required(Map<String, Object> m, String key) {
            if (!m.containsKey(key)) {
                throw bad(key, "is missing");
            }
            return m.get(key);
        }

        String string(Map<String, Object> m, String key) {
            if (required(m, key) instanceof String s) {
                return s;
            }
            throw bad(key, "is not a string");
        }

        String optionalString(Map<String, Object> m, String key) {
            Object o = required(m, key);
            if (o == null || o instanceof String) {
                return (String) o;
            }
            throw bad(key, "is neither a string nor null");
        }

        long longValue(Map<String, Object> m, String key) {
            return toLong(required(m, key), key);
        }

        private long toLong(Object o, String key) {
            if (o instanceof Long l) {
                return l;
            }
            throw bad(key, "is not a whole number");
        }

        /** A number; null stands for a non-finite value. */
        private double toDouble(Object o, String key) {
            if (o == null) {
                return Double.NaN;
            }
            if (o instanceof Number n) { // Long for numbers written without fraction: exact as a double below 2^53
                return n.doubleValue();
            }
            throw bad(key, "is not a number");
        }

        private List<?> list(Map<String, Object> m, String key, int size) {
            if (required(m, key) instanceof List<?> l && l.size() == size) {
                return l;
            }
            throw bad(key, "is not a list of " + size + " numbers");
        }

        AffineMap affine(Map<String, Object> root) {
            List<?> l = list(root, "affine", 12);
            double[] a = new double[12];
            for (int i = 0; i < 12; i++) {
                a[i] = toDouble(l.get(i), "affine");
            }
            AffineMap m;
            try {
                m = AffineMap.of(a);
                m.inverse();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw bad("affine", "is not an invertible affine map (" + e.getMessage() + ")");
            }
            return m;
        }

        SampleGeometry sample(Map<String, Object> s) {
            List<?> dims = list(s, "dimensions", 3);
            List<?> vox = list(s, "voxelSizeUm", 3);
            long[] d = new long[3];
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                d[i] = toLong(dims.get(i), "dimensions");
                if (d[i] < 1) {
                    throw bad("dimensions", "holds a size below 1");
                }
                v[i] = toDouble(vox.get(i), "voxelSizeUm");
            }
            VoxelSize voxel;
            try {
                voxel = new VoxelSize(v[0], v[1], v[2]);
            } catch (IllegalArgumentException e) {
                throw bad("voxelSizeUm", "is not three positive sizes");
            }
            String o = optionalString(s, "orientation");
            Orientation orientation;
            try {
                orientation = o == null ? null : Orientation.parse(o, "orientation");
            } catch (InputException e) {
                throw bad("orientation", "holds '" + o + "', not an orientation code");
            }
            return new SampleGeometry(d, voxel, orientation);
        }

        TransformQuality quality(Map<String, Object> q) {
            return new TransformQuality(toDouble(required(q, "minJacobianDeterminant"), "minJacobianDeterminant"),
                    toDouble(required(q, "maxJacobianDeterminant"), "maxJacobianDeterminant"), longValue(q, "foldedNodes"),
                    toDouble(required(q, "maxDisplacementUm"), "maxDisplacementUm"),
                    toDouble(required(q, "inverseResidualUm"), "inverseResidualUm"),
                    toDouble(required(q, "affineDeterminant"), "affineDeterminant"));
        }

        /** A field file named in the JSON: a plain name inside the folder (never a path that leads elsewhere). */
        Path fieldFile(Path folder, String name, String key) {
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
                throw bad(key, "holds '" + name + "', not a file name inside the transform folder");
            }
            return folder.resolve(name);
        }
    }
}
