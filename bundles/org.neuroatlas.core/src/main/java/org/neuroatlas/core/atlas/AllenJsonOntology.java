package org.neuroatlas.core.atlas;

import org.neuroatlas.core.io.Json;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.neuroatlas.core.InputException;

/**
 * Reads Allen structure graphs in JSON: the API's {@code {"success":…,"msg":[…]}} envelope, a bare tree object or a
 * bare list. Nodes may be nested through {@code children} (structure_graph_download/1.json) or flat with
 * {@code parent_structure_id}; when both are there they must agree.
 */
final class AllenJsonOntology {

    private static final String REMEDY = "Use an Allen structure graph (structure_graph_download/1.json) or the atlas's original ontology file";
    static final Pattern HEX_COLOR = Pattern.compile("[0-9A-Fa-f]{6}");
    /** Colour of structures whose file gives none (Allen's root is white too). */
    static final String DEFAULT_COLOR = "FFFFFF";

    private AllenJsonOntology() {
    }

    /** One node with where it sits: the id it is nested under, or null at the top level. */
    private record Node(Map<?, ?> fields, Integer nestedUnder) {
    }

    private record Read(Structure structure, Integer graphOrder) {
    }

    static Ontology fromJson(Path file, Object top) {
        List<?> tops = topNodes(file, top);
        // ClearMap's copy wraps Allen's root 997 in {"id":0,"acronym":"universe"}. Id 0 means "outside the brain"
        // in every annotation volume, so such a node is never a real structure: unwrap it.
        Integer dropped = null;
        if (tops.size() == 1 && tops.get(0) instanceof Map<?, ?> only && Integer.valueOf(0).equals(Json.asInt(only.get("id")))
                && only.get("children") instanceof List<?> c && c.size() == 1) {
            tops = c;
            dropped = 0;
        }
        List<Read> read = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        for (int i = tops.size() - 1; i >= 0; i--) {
            stack.push(new Node(object(file, tops.get(i), "a top-level node"), null));
        }
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            read.add(structure(file, node, dropped));
            Object children = node.fields().get("children");
            if (children == null) {
                continue;
            }
            int id = read.get(read.size() - 1).structure().id();
            if (!(children instanceof List<?> list)) {
                throw error(file, "structure " + id + ": \"children\" is " + Json.typeOf(children) + ", expected an array");
            }
            for (int i = list.size() - 1; i >= 0; i--) {
                stack.push(new Node(object(file, list.get(i), "a child of structure " + id), id));
            }
        }
        if (read.stream().allMatch(r -> r.graphOrder() != null)) {
            read.sort(Comparator.comparingInt(Read::graphOrder));
        }
        return Ontology.of(file.toString(), read.stream().map(Read::structure).toList());
    }

    private static List<?> topNodes(Path file, Object top) {
        if (top instanceof List<?> list) {
            return list;
        }
        if (!(top instanceof Map<?, ?> m)) {
            throw error(file, "holds " + Json.typeOf(top) + ", expected an Allen structure graph (an object or an array)");
        }
        if (m.containsKey("msg")) {
            if (Boolean.FALSE.equals(m.get("success"))) {
                throw error(file, "is an Allen API reply reporting failure (msg: " + m.get("msg") + ")");
            }
            if (!(m.get("msg") instanceof List<?> msg)) {
                throw error(file, "\"msg\" is " + Json.typeOf(m.get("msg")) + ", expected the array of structures");
            }
            return msg;
        }
        if (m.containsKey("id")) {
            return List.of(m);
        }
        throw error(file, "has neither \"msg\" nor \"id\" at the top level, so it is not an Allen structure graph");
    }

    private static Map<?, ?> object(Path file, Object v, String where) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw error(file, where + " is " + Json.typeOf(v) + ", expected an object");
    }

    private static Read structure(Path file, Node node, Integer droppedWrapper) {
        Map<?, ?> f = node.fields();
        String where = node.nestedUnder() == null ? "a top-level node" : "a child of structure " + node.nestedUnder();
        Integer id = Json.asInt(f.get("id"));
        if (id == null) {
            throw error(file, where + " has id " + shown(f.get("id")) + ", expected an integer");
        }
        where = "structure " + id;
        String acronym = text(file, f, "acronym", where);
        String name = text(file, f, "name", where);

        Integer parentId = null;
        Object p = f.get("parent_structure_id");
        if (p != null) {
            parentId = Json.asInt(p);
            if (parentId == null) {
                throw error(file, where + " has parent_structure_id " + shown(p) + ", expected an integer or null");
            }
            if (parentId.equals(droppedWrapper)) {
                parentId = null;
            }
        }
        if (node.nestedUnder() != null) {
            if (parentId != null && !parentId.equals(node.nestedUnder())) {
                throw error(file, where + " is nested under structure " + node.nestedUnder() + " but its parent_structure_id is " + parentId);
            }
            parentId = node.nestedUnder();
        }

        String color = DEFAULT_COLOR;
        Object c = f.get("color_hex_triplet");
        if (c != null) {
            if (!(c instanceof String s) || !HEX_COLOR.matcher(s).matches()) {
                throw error(file, where + " has color_hex_triplet " + shown(c) + ", expected six hex digits such as \"FF7080\"");
            }
            color = s.toUpperCase(Locale.ROOT);
        }
        Integer graphOrder = null;
        Object g = f.get("graph_order");
        if (g != null) {
            graphOrder = Json.asInt(g);
            if (graphOrder == null) {
                throw error(file, where + " has graph_order " + shown(g) + ", expected an integer");
            }
        }
        List<Integer> path = List.of();
        Object sp = f.get("structure_id_path");
        if (sp != null) {
            path = sp instanceof String s ? parsePath(s) : null;
            if (path == null) {
                throw error(file, where + " has structure_id_path " + shown(sp) + ", expected text like \"/997/8/567/\"");
            }
        }
        Structure s = new Structure(id, acronym, name, parentId == null ? Structure.NO_PARENT : parentId, Ontology.UNKNOWN_DEPTH, path, color);
        return new Read(s, graphOrder);
    }

    private static String text(Path file, Map<?, ?> f, String key, String where) {
        Object v = f.get(key);
        if (v instanceof String s) {
            return s;
        }
        throw error(file, where + (v == null && !f.containsKey(key) ? " has no \"" + key + "\"" : " has " + key + " " + shown(v) + ", expected a string"));
    }

    /** Allen's {@code /997/8/567/} as ids, or null if it is not of that form. */
    static List<Integer> parsePath(String text) {
        if (text.length() < 3 || text.charAt(0) != '/' || text.charAt(text.length() - 1) != '/') {
            return null;
        }
        List<Integer> ids = new ArrayList<>();
        for (String part : text.substring(1, text.length() - 1).split("/", -1)) {
            try {
                ids.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ids;
    }

    private static String shown(Object v) {
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    private static InputException error(Path file, String problem) {
        return InputException.file(file, problem, REMEDY);
    }
}
