package org.neuroatlas.core.atlas;

import org.neuroatlas.core.io.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.neuroatlas.core.InputException;

/**
 * The region hierarchy of an atlas (e.g. the 1,327 structures of the Allen mouse CCFv3, root 997): an immutable
 * tree of {@link Structure}s with look-ups, tree navigation and roll-up of per-region values.
 * <p>
 * <b>Order.</b> {@link #structures()} is a depth-first pre-order of the tree (every structure before its
 * descendants, and the descendants of a structure contiguous). If the structures were given in such an order — Allen
 * files sorted by {@code graph_order} are — that order is kept; otherwise children are visited in increasing id.
 * <p>
 * <b>Acronyms.</b> Look-ups are case-exact: the Allen ontology has e.g. {@code CM} (central medial nucleus) and
 * {@code cm} (cranial nerves). Should an ontology repeat an acronym, {@link #byAcronym} returns the first structure
 * in {@link #structures()} order; duplicates are accepted silently since ids, not acronyms, identify structures.
 * <p>
 * <b>Errors.</b> A malformed ontology (duplicate id, no or several roots, a missing parent, a cycle, a depth or
 * path contradicting the parent links) is an {@link InputException} whose message starts with {@link #name()}.
 */
public final class Ontology {

    /** Marks an unknown {@link Structure#depth()} in structures given to {@link #of}; it is then computed. */
    public static final int UNKNOWN_DEPTH = -1;

    private static final int MAX_SUGGESTIONS = 5;

    private final String name;
    private final List<Structure> structures;
    /** Index (in {@link #structures}) of each structure's parent; -1 for the root. */
    private final int[] parent;
    /** Exclusive end of each structure's subtree: its descendants are the indices {@code i+1 .. end[i]-1}. */
    private final int[] end;
    private final int[][] children;
    private final Map<Integer, Integer> indexById;
    private final Map<String, Integer> indexByAcronym;

    private Ontology(String name, List<Structure> structures, int[] parent) {
        this.name = name;
        this.structures = structures;
        this.parent = parent;
        int n = structures.size();
        this.end = new int[n];
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) {
            end[i] = i + 1;
            if (parent[i] >= 0) {
                childCount[parent[i]]++;
            }
        }
        // In pre-order a subtree is contiguous, so one backward pass finds where each ends.
        for (int i = n - 1; i > 0; i--) {
            end[parent[i]] = Math.max(end[parent[i]], end[i]);
        }
        this.children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[childCount[i]];
            childCount[i] = 0;
        }
        for (int i = 1; i < n; i++) {
            children[parent[i]][childCount[parent[i]]++] = i;
        }
        Map<Integer, Integer> byId = new HashMap<>(n * 2);
        Map<String, Integer> byAcronym = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            byId.put(structures.get(i).id(), i);
            byAcronym.putIfAbsent(structures.get(i).acronym(), i);
        }
        this.indexById = byId;
        this.indexByAcronym = byAcronym;
    }

    // ---- construction and files ----

    /**
     * Builds and validates an ontology.
     * <p>
     * Depths and paths are computed from the parent links. A structure whose depth is not {@link #UNKNOWN_DEPTH} or
     * whose path is not empty has them checked against the computed ones, so a file whose columns contradict its
     * parent links is rejected rather than silently trusted.
     *
     * @param name       where the ontology came from (its file, or the atlas name); starts every error message
     * @param structures the structures, in any order (see the class comment for the resulting order)
     * @throws InputException if ids repeat, there is not exactly one root, a parent is missing, the parent links
     *                        form a cycle, or a given depth or path contradicts the parent links
     */
    public static Ontology of(String name, List<Structure> structures) {
        Objects.requireNonNull(name, "name");
        List<Structure> in = List.copyOf(structures);
        int n = in.size();
        if (n == 0) {
            throw invalid(name, "contains no structures");
        }
        Map<Integer, Integer> inputIndex = new HashMap<>(n * 2);
        List<String> duplicates = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Structure s = in.get(i);
            Objects.requireNonNull(s.acronym(), "acronym");
            Objects.requireNonNull(s.name(), "name");
            if (s.colorHex() == null || !AllenJsonOntology.HEX_COLOR.matcher(s.colorHex()).matches()) {
                throw invalid(name, describe(s) + " has colour '" + s.colorHex() + "', expected six hex digits such as FF7080");
            }
            Integer previous = inputIndex.putIfAbsent(s.id(), i);
            if (previous != null && duplicates.size() < MAX_SUGGESTIONS) {
                duplicates.add(s.id() + " (" + in.get(previous).acronym() + " and " + s.acronym() + ")");
            }
            if (s.isRoot()) {
                roots.add(i);
            }
        }
        if (!duplicates.isEmpty()) {
            throw invalid(name, "structure id" + (duplicates.size() > 1 ? "s " : " ") + String.join(", ", duplicates)
                    + " appear" + (duplicates.size() > 1 ? "" : "s") + " more than once; ids must be unique");
        }
        if (roots.size() > 1) {
            List<String> list = roots.stream().limit(MAX_SUGGESTIONS).map(i -> describe(in.get(i))).toList();
            throw invalid(name, "has " + roots.size() + " structures without a parent (" + String.join(", ", list)
                    + "); an ontology needs exactly one root");
        }
        int[] inputParent = new int[n];
        List<String> orphans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Structure s = in.get(i);
            Integer p = s.isRoot() ? Integer.valueOf(-1) : inputIndex.get(s.parentId());
            if (p == null) {
                if (orphans.size() < MAX_SUGGESTIONS) {
                    orphans.add(describe(s) + " has parent " + s.parentId());
                }
                inputParent[i] = -1;
            } else {
                inputParent[i] = p;
            }
        }
        if (!orphans.isEmpty()) {
            throw invalid(name, String.join(", ", orphans) + ", which " + (orphans.size() > 1 ? "are" : "is") + " not in the ontology");
        }
        if (roots.isEmpty()) {
            throw invalid(name, "has no root (every structure has a parent): " + cycleFrom(in, inputParent, 0));
        }
        int root = roots.get(0);

        List<List<Integer>> kids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            kids.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (inputParent[i] >= 0) {
                kids.get(inputParent[i]).add(i);
            }
        }
        int[] order = preOrder(root, kids, n);
        if (order.length < n) {
            boolean[] reached = new boolean[n];
            for (int i : order) {
                reached[i] = true;
            }
            int start = 0;
            while (reached[start]) {
                start++;
            }
            throw invalid(name, "the parent links form a cycle: " + cycleFrom(in, inputParent, start));
        }
        if (!isIdentity(order)) {
            // Not given in a depth-first order (e.g. a hand-made list): fall back to a canonical one.
            for (List<Integer> k : kids) {
                k.sort(Comparator.comparingInt(i -> in.get(i).id()));
            }
            order = preOrder(root, kids, n);
        }
        return new Ontology(name, checkedInOrder(name, in, inputParent, order), parentsInOrder(inputParent, order));
    }

    /** Depth-first pre-order from {@code root}; shorter than {@code n} if some structures are not reachable. */
    private static int[] preOrder(int root, List<List<Integer>> kids, int n) {
        int[] order = new int[n];
        int k = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            int i = stack.pop();
            order[k++] = i;
            List<Integer> c = kids.get(i);
            for (int j = c.size() - 1; j >= 0; j--) {
                stack.push(c.get(j));
            }
        }
        return k == n ? order : Arrays.copyOf(order, k);
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The structures in {@code order} with depth and path computed from the parents, checked against given ones. */
    private static List<Structure> checkedInOrder(String name, List<Structure> in, int[] inputParent, int[] order) {
        int n = in.size();
        int[] depth = new int[n];
        List<List<Integer>> paths = new ArrayList<>(Collections.nCopies(n, null));
        List<Structure> out = new ArrayList<>(n);
        for (int i : order) {
            Structure s = in.get(i);
            int p = inputParent[i];
            List<Integer> path = new ArrayList<>(p < 0 ? List.of() : paths.get(p));
            path.add(s.id());
            depth[i] = p < 0 ? 0 : depth[p] + 1;
            paths.set(i, path);
            if (s.depth() != UNKNOWN_DEPTH && s.depth() != depth[i]) {
                throw invalid(name, describe(s) + " has depth " + s.depth() + ", but its parent links put it at depth " + depth[i]);
            }
            if (!s.path().isEmpty() && !s.path().equals(path)) {
                throw invalid(name, describe(s) + " has structure_id_path " + pathText(s.path())
                        + ", but its parent links give " + pathText(path));
            }
            out.add(new Structure(s.id(), s.acronym(), s.name(), s.parentId(), depth[i], path, s.colorHex()));
        }
        return List.copyOf(out);
    }

    private static int[] parentsInOrder(int[] inputParent, int[] order) {
        int[] position = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            position[order[k]] = k;
        }
        int[] parent = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            int p = inputParent[order[k]];
            parent[k] = p < 0 ? -1 : position[p];
        }
        return parent;
    }

    /** Follows parent links from {@code start} (all parents exist) until a structure repeats; describes the loop. */
    private static String cycleFrom(List<Structure> in, int[] inputParent, int start) {
        Map<Integer, Integer> seenAt = new LinkedHashMap<>();
        List<Integer> walk = new ArrayList<>();
        int i = start;
        while (!seenAt.containsKey(i)) {
            seenAt.put(i, walk.size());
            walk.add(i);
            i = inputParent[i];
        }
        List<String> loop = new ArrayList<>();
        for (int k = seenAt.get(i); k < walk.size(); k++) {
            loop.add(describe(in.get(walk.get(k))));
        }
        loop.add(describe(in.get(i)));
        return String.join(" → ", loop) + " (each the parent of the one before)";
    }

    private static String describe(Structure s) {
        return s.id() + " (" + s.acronym() + ")";
    }

    private static String pathText(List<Integer> path) {
        StringBuilder sb = new StringBuilder("/");
        for (int id : path) {
            sb.append(id).append('/');
        }
        return sb.toString();
    }

    private static InputException invalid(String name, String problem) {
        return new InputException(name + ": " + problem + ". Use the atlas's original, unmodified ontology file");
    }

    /**
     * Reads an ontology file, choosing the format by name and content: {@code .csv} is an Allen flat structure
     * table ({@link #readAllenCsv}); {@code .json} is an Allen structure graph ({@link #readAllenJson}) or, if it
     * is a list of objects with a {@code structure_id_path} array, a BrainGlobe {@code structures.json}
     * ({@link #readBrainGlobeJson}). Other names are recognised by their first character.
     *
     * @throws InputException naming the file if it is missing, unreadable or malformed
     */
    public static Ontology read(Path file) {
        String lower = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        boolean json = lower.endsWith(".json") || (!lower.endsWith(".csv") && Json.looksLikeJson(file));
        if (!json) {
            return AllenCsvOntology.read(file);
        }
        Object top = Json.read(file);
        return BrainGlobeStructures.isBrainGlobe(top) ? BrainGlobeStructures.fromJson(file, top) : AllenJsonOntology.fromJson(file, top);
    }

    /**
     * Reads an Allen structure graph ({@code structure_graph_download/1.json} style: {@code {"success":…,"msg":[tree]}}
     * with nested {@code children}), a bare tree object or a bare list of nodes (nested, or flat with
     * {@code parent_structure_id}). A wrapper node with id 0 whose only child is the real root (ClearMap's
     * {@code "universe"}) is dropped. Structures are ordered by {@code graph_order} when every node has one.
     */
    public static Ontology readAllenJson(Path file) {
        return AllenJsonOntology.fromJson(file, Json.read(file));
    }

    /**
     * Reads an Allen flat structure table ({@code structure_tree_safe_2017.csv} style). Needs columns {@code id,
     * acronym, name, parent_structure_id} (empty for the root); uses {@code depth, structure_id_path,
     * color_hex_triplet, graph_order} when present (depth and path are checked against the parent links).
     */
    public static Ontology readAllenCsv(Path file) {
        return AllenCsvOntology.read(file);
    }

    /**
     * Reads a BrainGlobe {@code structures.json}: a list of {@code {"acronym", "id", "name", "structure_id_path",
     * "rgb_triplet"}} objects, the parent being the second-to-last id of the path.
     */
    public static Ontology readBrainGlobeJson(Path file) {
        return BrainGlobeStructures.fromJson(file, Json.read(file));
    }

    /** Writes {@code ontology} as a BrainGlobe {@code structures.json}, atomically (complete or not at all). */
    public static void writeBrainGlobeJson(Ontology ontology, Path file) throws IOException {
        BrainGlobeStructures.write(ontology, file);
    }

    /**
     * Writes {@code ontology} as an Allen flat CSV with columns {@code id, acronym, name, parent_structure_id, depth,
     * structure_id_path, color_hex_triplet, graph_order} ({@code graph_order} = position in {@link #structures()}),
     * atomically.
     */
    public static void writeAllenCsv(Ontology ontology, Path file) throws IOException {
        AllenCsvOntology.write(ontology, file);
    }

    /** Where the ontology came from (a file path or an atlas name), as used in messages. */
    public String name() {
        return name;
    }

    /** The same ontology under another name, e.g. the atlas's, for messages. */
    public Ontology withName(String newName) {
        return new Ontology(Objects.requireNonNull(newName), structures, parent);
    }

    // ---- look-ups ----

    public int size() {
        return structures.size();
    }

    public Structure root() {
        return structures.get(0);
    }

    /** All structures in depth-first pre-order (see the class comment); immutable. */
    public List<Structure> structures() {
        return structures;
    }

    public boolean contains(int id) {
        return indexById.containsKey(id);
    }

    public Optional<Structure> byId(int id) {
        Integer i = indexById.get(id);
        return i == null ? Optional.empty() : Optional.of(structures.get(i));
    }

    /** The structure with exactly this acronym (case-sensitive); the first in order if the acronym repeats. */
    public Optional<Structure> byAcronym(String acronym) {
        Integer i = indexByAcronym.get(acronym);
        return i == null ? Optional.empty() : Optional.of(structures.get(i));
    }

    /**
     * The structure with this id.
     *
     * @throws InputException if there is none (typically an annotation volume of another atlas version)
     */
    public Structure require(int id) {
        return byId(id).orElseThrow(() -> new InputException(name + ": no structure with id " + id
                + ". Check that the annotation volume and the ontology belong to the same atlas (and version)"));
    }

    /**
     * The structure with this acronym, for user input.
     *
     * @param parameterName the parameter the acronym came from, e.g. {@code --regions}, for the message
     * @throws InputException if there is none, suggesting up to five near matches: same letters in another case
     *                        (or a full name given instead of the acronym) first, then acronyms within one and two
     *                        edits (those sharing a longer beginning first), then acronyms starting with the text
     */
    public Structure require(String acronym, String parameterName) {
        Optional<Structure> s = byAcronym(acronym);
        if (s.isPresent()) {
            return s.get();
        }
        List<String> near = nearMatches(acronym);
        String problem = "no region with acronym '" + acronym + "' in the ontology " + name;
        if (!near.isEmpty()) {
            throw InputException.parameter(parameterName, problem + "; did you mean " + String.join(", ", near) + "?", null);
        }
        throw InputException.parameter(parameterName, problem,
                "Check the spelling; acronyms are case-sensitive (e.g. VTA, SNc) and listed in the ontology file");
    }

    /** Up to five acronyms resembling {@code text}, best first. */
    List<String> nearMatches(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (Structure s : structures) {
            if (s.acronym().toLowerCase(Locale.ROOT).equals(lower) || s.name().toLowerCase(Locale.ROOT).equals(lower)) {
                out.add(s.acronym());
            }
        }
        for (int d = 1; d <= 2 && !lower.isEmpty(); d++) {
            List<String> atD = new ArrayList<>();
            for (Structure s : structures) {
                if (levenshtein(lower, s.acronym().toLowerCase(Locale.ROOT), d) == d) {
                    atD.add(s.acronym());
                }
            }
            // Equally distant: those that begin like the query first (SNC → SNr before NC), else in ontology order.
            atD.sort(Comparator.comparingInt((String a) -> -commonPrefix(lower, a.toLowerCase(Locale.ROOT))));
            out.addAll(atD);
        }
        if (!lower.isEmpty()) {
            for (Structure s : structures) {
                if (s.acronym().toLowerCase(Locale.ROOT).startsWith(lower)) {
                    out.add(s.acronym());
                }
            }
        }
        return out.stream().limit(MAX_SUGGESTIONS).toList();
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Edit distance of {@code a} and {@code b}, or {@code max + 1} as soon as it is known to exceed {@code max}. */
    static int levenshtein(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], max + 1);
    }

    // ---- navigation ----

    /** The parent, empty for the root. */
    public Optional<Structure> parent(Structure s) {
        int p = parent[index(s)];
        return p < 0 ? Optional.empty() : Optional.of(structures.get(p));
    }

    /** The direct children, in ontology order. */
    public List<Structure> children(Structure s) {
        int[] c = children[index(s)];
        List<Structure> out = new ArrayList<>(c.length);
        for (int i : c) {
            out.add(structures.get(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** The ancestors from the root down to the parent ({@code s} excluded; empty for the root). */
    public List<Structure> ancestors(Structure s) {
        List<Integer> path = structures.get(index(s)).path();
        List<Structure> out = new ArrayList<>(path.size() - 1);
        for (int k = 0; k < path.size() - 1; k++) {
            out.add(structures.get(indexById.get(path.get(k))));
        }
        return Collections.unmodifiableList(out);
    }

    /** All descendants in pre-order ({@code s} excluded); a view, no copy. */
    public List<Structure> descendants(Structure s) {
        int i = index(s);
        return structures.subList(i + 1, end[i]);
    }

    /** Whether {@code ancestor} is a proper ancestor of {@code descendant} (false if they are the same). */
    public boolean isAncestorOf(Structure ancestor, Structure descendant) {
        int a = index(ancestor);
        int d = index(descendant);
        return a < d && d < end[a];
    }

    /** Whether {@code s} has no children. */
    public boolean isLeaf(Structure s) {
        return children[index(s)].length == 0;
    }

    /** The largest depth of any structure (the root is at depth 0). */
    public int maxDepth() {
        int max = 0;
        for (Structure s : structures) {
            max = Math.max(max, s.depth());
        }
        return max;
    }

    private int index(Structure s) {
        Integer i = indexById.get(s.id());
        if (i == null) {
            throw new IllegalArgumentException("structure " + describe(s) + " is not in the ontology " + name);
        }
        return i;
    }

    /** Position of {@code id} in {@link #structures()}, or -1. */
    int indexOf(int id) {
        Integer i = indexById.get(id);
        return i == null ? -1 : i;
    }

    /** Position of the parent of the structure at position {@code i}, or -1 for the root. */
    int parentIndex(int i) {
        return parent[i];
    }

    // ---- roll-up ----

    /**
     * The value of every structure as its own value plus its descendants' own values, e.g. cells counted per label
     * rolled up to every region (structures absent from {@code ownValues} count 0). One pass over the tree.
     *
     * @return every structure's id → rolled-up value, in ontology order
     * @throws IllegalArgumentException if {@code ownValues} has ids not in the ontology or null values (callers
     *                                  validate labels first)
     */
    public Map<Integer, Double> rollUp(Map<Integer, Double> ownValues) {
        double[] v = new double[size()];
        fill(ownValues, (i, x) -> v[i] += x.doubleValue());
        // Children follow their parents in pre-order, so going backwards every value is complete before it is added on.
        for (int i = v.length - 1; i > 0; i--) {
            v[parent[i]] += v[i];
        }
        Map<Integer, Double> out = new LinkedHashMap<>(size() * 2);
        for (int i = 0; i < v.length; i++) {
            out.put(structures.get(i).id(), v[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@link #rollUp} for counts.
     *
     * @throws ArithmeticException if a sum overflows a long
     */
    public Map<Integer, Long> rollUpCounts(Map<Integer, Long> ownCounts) {
        long[] v = new long[size()];
        fill(ownCounts, (i, x) -> v[i] = Math.addExact(v[i], x.longValue()));
        for (int i = v.length - 1; i > 0; i--) {
            v[parent[i]] = Math.addExact(v[parent[i]], v[i]);
        }
        Map<Integer, Long> out = new LinkedHashMap<>(size() * 2);
        for (int i = 0; i < v.length; i++) {
            out.put(structures.get(i).id(), v[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    private interface IndexedValue {
        void accept(int index, Number value);
    }

    private void fill(Map<Integer, ? extends Number> values, IndexedValue sink) {
        List<Integer> unknown = new ArrayList<>();
        for (Map.Entry<Integer, ? extends Number> e : values.entrySet()) {
            Integer i = e.getKey() == null ? null : indexById.get(e.getKey());
            if (i == null) {
                if (unknown.size() < 10) {
                    unknown.add(e.getKey());
                }
                continue;
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("null value for structure " + e.getKey());
            }
            sink.accept(i, e.getValue());
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("ids not in the ontology " + name + ": " + unknown);
        }
    }

    @Override
    public String toString() {
        return "Ontology[" + name + ", " + size() + " structures, root " + describe(root()) + "]";
    }
}
