package org.neuroatlas.core.atlas;

import org.neuroatlas.core.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.AtomicFile;

/**
 * Reads and writes BrainGlobe's {@code structures.json}: a JSON array of objects with {@code acronym}, {@code id},
 * {@code name}, {@code structure_id_path} (an array of ids from the root down to the structure itself) and
 * {@code rgb_triplet} ({@code [r, g, b]}, 0–255). The parent is the second-to-last id of the path; the depth is
 * the path's length minus one. {@code rgb_triplet} may be missing (white); other keys are ignored.
 */
final class BrainGlobeStructures {

    private static final String REMEDY = "Use the structures.json of a BrainGlobe atlas folder, unmodified";

    private BrainGlobeStructures() {
    }

    /** Whether a parsed JSON value looks like a BrainGlobe structure list rather than an Allen structure graph. */
    static boolean isBrainGlobe(Object top) {
        return top instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                && first.get("structure_id_path") instanceof List && !first.containsKey("children");
    }

    static Ontology fromJson(Path file, Object top) {
        if (!(top instanceof List<?> list)) {
            throw error(file, "holds " + Json.typeOf(top) + ", expected an array of structures");
        }
        List<Structure> out = new ArrayList<>(list.size());
        for (int k = 0; k < list.size(); k++) {
            String where = "structure #" + (k + 1);
            if (!(list.get(k) instanceof Map<?, ?> m)) {
                throw error(file, where + " is " + Json.typeOf(list.get(k)) + ", expected an object");
            }
            Integer id = Json.asInt(m.get("id"));
            if (id == null) {
                throw error(file, where + " has id " + m.get("id") + ", expected an integer");
            }
            where += " (id " + id + ")";
            String acronym = text(file, m, "acronym", where);
            String name = text(file, m, "name", where);
            List<Integer> path = ids(m.get("structure_id_path"));
            if (path == null || path.isEmpty() || !path.get(path.size() - 1).equals(id)) {
                throw error(file, where + " has structure_id_path " + m.get("structure_id_path")
                        + ", expected an array of ids from the root down to " + id);
            }
            String color = AllenJsonOntology.DEFAULT_COLOR;
            if (m.get("rgb_triplet") != null) {
                List<Integer> rgb = ids(m.get("rgb_triplet"));
                if (rgb == null || rgb.size() != 3 || rgb.stream().anyMatch(c -> c < 0 || c > 255)) {
                    throw error(file, where + " has rgb_triplet " + m.get("rgb_triplet") + ", expected [r, g, b] with values 0-255");
                }
                color = String.format("%02X%02X%02X", rgb.get(0), rgb.get(1), rgb.get(2));
            }
            int parent = path.size() == 1 ? Structure.NO_PARENT : path.get(path.size() - 2);
            out.add(new Structure(id, acronym, name, parent, path.size() - 1, path, color));
        }
        return Ontology.of(file.toString(), out);
    }

    private static List<Integer> ids(Object v) {
        if (!(v instanceof List<?> list)) {
            return null;
        }
        List<Integer> out = new ArrayList<>(list.size());
        for (Object o : list) {
            Integer i = Json.asInt(o);
            if (i == null) {
                return null;
            }
            out.add(i);
        }
        return out;
    }

    private static String text(Path file, Map<?, ?> m, String key, String where) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw error(file, where + (m.containsKey(key) ? " has " + key + " " + m.get(key) + ", expected a string" : " has no \"" + key + "\""));
    }

    private static InputException error(Path file, String problem) {
        return InputException.file(file, problem, REMEDY);
    }

    /** One structure per line, in ontology order, keys in BrainGlobe's order. */
    static void write(Ontology o, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        List<Structure> all = o.structures();
        for (int k = 0; k < all.size(); k++) {
            Structure s = all.get(k);
            sb.append("{\"acronym\": ").append(Json.quote(s.acronym()))
                    .append(", \"id\": ").append(s.id())
                    .append(", \"name\": ").append(Json.quote(s.name()))
                    .append(", \"structure_id_path\": [");
            for (int i = 0; i < s.path().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(s.path().get(i));
            }
            int rgb = Integer.parseInt(s.colorHex(), 16);
            sb.append("], \"rgb_triplet\": [").append(rgb >> 16).append(", ").append((rgb >> 8) & 0xff).append(", ").append(rgb & 0xff)
                    .append("]}").append(k + 1 < all.size() ? ",\n" : "\n");
        }
        sb.append("]\n");
        AtomicFile.write(file, tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
    }
}
