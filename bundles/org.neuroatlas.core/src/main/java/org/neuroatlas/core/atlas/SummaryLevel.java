package org.neuroatlas.core.atlas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import org.neuroatlas.core.InputException;

/**
 * The set of structures that results are summarised at, and which of them each label falls under.
 * <p>
 * A label's <em>summary region</em> is the selected structure that is the label itself or, failing that, its
 * nearest selected ancestor. Selections may nest (a user list such as {@code TH,VAL}); a value is then counted
 * once, at the nearest region ({@link #summarize}), never at both — so do not roll values up to summary regions.
 * <p>
 * Levels, as text (case-insensitive keywords; {@link #toString()} gives text that {@link #parse} reads back):
 * <ul>
 * <li>{@code all}: every structure (each label is its own summary region).</li>
 * <li>{@code depth:N}: the tree cut at depth N — every structure at depth N, plus every shallower structure. Deeper
 * labels go to their ancestor at depth N; a shallower label stays with itself. Shallower leaves are needed so that no
 * region is lost; shallower <em>non-leaf</em> structures too, because Allen's annotation labels voxels with them
 * (e.g. 3,589 voxels of annotation_100 are labelled {@code root} 997, others {@code CB} or {@code fiber tracts});
 * such a structure then collects only what is labelled with exactly it. So every label has exactly one summary
 * region.</li>
 * <li>{@code major}: the 12 major divisions of the Allen mouse brain ({@link #MAJOR_DIVISIONS}). Together they
 * cover the grey matter; fiber tracts, ventricular systems and voxels labelled {@code root} fall under none of them.
 * </li>
 * <li>{@code acronyms:VTA,SNc,…} or just {@code VTA,SNc,…}: the user's list (an acronym containing a comma is
 * written in double quotes, e.g. {@code "CUL4, 5"}). Labels outside all listed regions fall under none.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class SummaryLevel {

    /** What a level selects. */
    public enum Kind {
        ALL, DEPTH, MAJOR, ACRONYMS
    }

    /**
     * Allen's major brain divisions as used by the Allen Brain Explorer and many papers: isocortex, olfactory areas,
     * hippocampal formation, cortical subplate, striatum, pallidum, thalamus, hypothalamus, midbrain, pons, medulla,
     * cerebellum.
     */
    public static final List<String> MAJOR_DIVISIONS = List.of("Isocortex", "OLF", "HPF", "CTXsp", "STR", "PAL", "TH", "HY", "MB", "P", "MY", "CB");

    private static final String DEFAULT_PARAMETER = "summary level";
    private static final String SYNTAX = "Use all, major, depth:N (e.g. depth:5) or acronyms:VTA,SNc (a comma-separated list of region acronyms)";

    private final Kind kind;
    private final int depth;
    private final List<String> acronyms;

    /** The selection for the last ontology asked about, so per-label calls cost a look-up, not a tree pass. */
    private volatile Resolved resolved;

    /**
     * @param regionOf for each structure position, the position of its summary region or -1
     * @param ids      the selected ids in ontology order
     */
    private record Resolved(Ontology ontology, int[] regionOf, List<Integer> ids) {
    }

    private SummaryLevel(Kind kind, int depth, List<String> acronyms) {
        this.kind = kind;
        this.depth = depth;
        this.acronyms = acronyms;
    }

    public static SummaryLevel all() {
        return new SummaryLevel(Kind.ALL, -1, List.of());
    }

    public static SummaryLevel major() {
        return new SummaryLevel(Kind.MAJOR, -1, MAJOR_DIVISIONS);
    }

    /** The tree cut at depth {@code n} (≥ 0). */
    public static SummaryLevel depth(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("depth must be >= 0: " + n);
        }
        return new SummaryLevel(Kind.DEPTH, n, List.of());
    }

    /** A list of acronyms (validated against an ontology when used); repeats are dropped. */
    public static SummaryLevel acronyms(List<String> acronyms) {
        List<String> list = List.copyOf(new LinkedHashSet<>(acronyms));
        if (list.isEmpty() || list.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("no acronyms, or a blank one: " + acronyms);
        }
        return new SummaryLevel(Kind.ACRONYMS, -1, list);
    }

    /**
     * Reads a level from text (see the class comment).
     *
     * @param parameterName the setting the text came from, for messages (e.g. {@code --summary-level})
     * @throws InputException if the text is not a level
     */
    public static SummaryLevel parse(String text, String parameterName) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw InputException.parameter(parameterName, "no summary level given", SYNTAX);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("all")) {
            return all();
        }
        if (lower.equals("major")) {
            return major();
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            return acronyms(splitList(t, parameterName));
        }
        String key = lower.substring(0, colon).trim();
        String value = t.substring(colon + 1).trim();
        if (key.equals("depth")) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) {
                    return depth(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw InputException.parameter(parameterName, "'" + t + "': the depth must be a whole number of 0 or more",
                    "Write e.g. depth:5 (0 is the root; Allen's mouse ontology is 10 levels deep)");
        }
        if (key.equals("acronyms")) {
            return acronyms(splitList(value, parameterName));
        }
        throw InputException.parameter(parameterName, "'" + t + "' is not a summary level", SYNTAX);
    }

    /**
     * Splits {@code a, b,"c, d"} into items, trimmed; double quotes protect commas and spaces, {@code ""} inside
     * quotes is a quote.
     */
    private static List<String> splitList(String text, String parameterName) {
        List<String> items = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (quoted) {
                if (i == text.length()) {
                    throw InputException.parameter(parameterName, "unclosed double quote in '" + text + "'",
                            "Close the quote, e.g. acronyms:VTA,\"CUL4, 5\"");
                } else if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    wasQuoted = true;
                } else {
                    cur.append(c);
                }
            } else if (c == ',') {
                String item = wasQuoted ? cur.toString() : cur.toString().trim();
                if (item.isBlank()) {
                    throw InputException.parameter(parameterName, "empty acronym in the list '" + text + "'",
                            "Separate acronyms by single commas, e.g. acronyms:VTA,SNc");
                }
                items.add(item);
                cur.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted) {
                if (!Character.isWhitespace(c)) {
                    throw InputException.parameter(parameterName, "text after a closing double quote in '" + text + "'",
                            "Quote whole acronyms only, e.g. acronyms:VTA,\"CUL4, 5\"");
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                cur.setLength(0);
                quoted = true;
            } else {
                cur.append(c);
            }
        }
        return items;
    }

    public Kind kind() {
        return kind;
    }

    /** The depth N of a {@code depth:N} level; -1 for other kinds. */
    public int depth() {
        return depth;
    }

    /** The listed acronyms of an {@code acronyms:} level, or the major divisions for {@code major}; empty otherwise. */
    public List<String> acronyms() {
        return acronyms;
    }

    /** The selected structures' ids, in ontology order; acronyms are checked with messages naming "summary level". */
    public List<Integer> structures(Ontology ontology) {
        return structures(ontology, DEFAULT_PARAMETER);
    }

    /**
     * The selected structures' ids, in ontology order.
     *
     * @param parameterName the setting this level came from, for messages
     * @throws InputException if an acronym is not in the ontology (with near matches), or {@code major} is used
     *                        with an ontology lacking Allen's divisions
     */
    public List<Integer> structures(Ontology ontology, String parameterName) {
        return resolve(ontology, parameterName).ids();
    }

    /**
     * The summary region of a label: the label itself if selected, else its nearest selected ancestor; empty if
     * neither (e.g. fiber tracts under {@code major}).
     *
     * @throws IllegalArgumentException if {@code labelId} is not in the ontology (callers validate labels first;
     *                                  0, "outside the brain", is not a label)
     * @throws InputException           as {@link #structures(Ontology, String)}
     */
    public OptionalInt summaryRegionOf(int labelId, Ontology ontology) {
        Resolved r = resolve(ontology, DEFAULT_PARAMETER);
        int i = ontology.indexOf(labelId);
        if (i < 0) {
            throw new IllegalArgumentException("label " + labelId + " is not in the ontology " + ontology.name());
        }
        int region = r.regionOf()[i];
        return region < 0 ? OptionalInt.empty() : OptionalInt.of(ontology.structures().get(region).id());
    }

    /**
     * Sums per-label values (e.g. cell counts by annotation label) into the summary regions: each value counts once,
     * at its label's summary region; values of labels without one are left out.
     *
     * @return every selected id (in ontology order) → sum, 0 where nothing fell
     * @throws IllegalArgumentException if a label is not in the ontology or a value is null
     */
    public Map<Integer, Double> summarize(Map<Integer, Double> ownValues, Ontology ontology) {
        Resolved r = resolve(ontology, DEFAULT_PARAMETER);
        double[] sums = new double[ontology.size()];
        for (Map.Entry<Integer, Double> e : ownValues.entrySet()) {
            int region = regionIndex(r, ontology, e.getKey(), e.getValue());
            if (region >= 0) {
                sums[region] += e.getValue();
            }
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int id : r.ids()) {
            out.put(id, sums[ontology.indexOf(id)]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@link #summarize} for counts. */
    public Map<Integer, Long> summarizeCounts(Map<Integer, Long> ownCounts, Ontology ontology) {
        Resolved r = resolve(ontology, DEFAULT_PARAMETER);
        long[] sums = new long[ontology.size()];
        for (Map.Entry<Integer, Long> e : ownCounts.entrySet()) {
            int region = regionIndex(r, ontology, e.getKey(), e.getValue());
            if (region >= 0) {
                sums[region] = Math.addExact(sums[region], e.getValue());
            }
        }
        Map<Integer, Long> out = new LinkedHashMap<>();
        for (int id : r.ids()) {
            out.put(id, sums[ontology.indexOf(id)]);
        }
        return Collections.unmodifiableMap(out);
    }

    private static int regionIndex(Resolved r, Ontology ontology, Integer label, Number value) {
        int i = label == null ? -1 : ontology.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("label " + label + " is not in the ontology " + ontology.name());
        }
        if (value == null) {
            throw new IllegalArgumentException("null value for label " + label);
        }
        return r.regionOf()[i];
    }

    private Resolved resolve(Ontology ontology, String parameterName) {
        Resolved r = resolved;
        if (r != null && r.ontology() == ontology) {
            return r;
        }
        List<Structure> all = ontology.structures();
        boolean[] selected = new boolean[all.size()];
        switch (kind) {
            case ALL -> Arrays.fill(selected, true);
            case DEPTH -> {
                for (int i = 0; i < selected.length; i++) {
                    selected[i] = all.get(i).depth() <= depth;
                }
            }
            case MAJOR -> {
                List<String> missing = MAJOR_DIVISIONS.stream().filter(a -> ontology.byAcronym(a).isEmpty()).toList();
                if (!missing.isEmpty()) {
                    throw InputException.parameter(parameterName, "'major' selects the Allen mouse brain's major divisions ("
                            + String.join(", ", MAJOR_DIVISIONS) + "), but the ontology " + ontology.name() + " lacks "
                            + String.join(", ", missing), "Use depth:N or acronyms:… for this atlas");
                }
                for (String a : MAJOR_DIVISIONS) {
                    selected[ontology.indexOf(ontology.byAcronym(a).get().id())] = true;
                }
            }
            case ACRONYMS -> {
                for (String a : acronyms) {
                    selected[ontology.indexOf(ontology.require(a, parameterName).id())] = true;
                }
            }
        }
        // Pre-order: a parent's summary region is known before its children's.
        int[] regionOf = new int[all.size()];
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int p = ontology.parentIndex(i);
            regionOf[i] = selected[i] ? i : p < 0 ? -1 : regionOf[p];
            if (selected[i]) {
                ids.add(all.get(i).id());
            }
        }
        r = new Resolved(ontology, regionOf, List.copyOf(ids));
        resolved = r;
        return r;
    }

    /** Text that {@link #parse} reads back into an equal level. */
    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case MAJOR -> "major";
            case DEPTH -> "depth:" + depth;
            case ACRONYMS -> {
                List<String> items = new ArrayList<>();
                for (String a : acronyms) {
                    boolean plain = !a.isEmpty() && a.equals(a.trim()) && a.indexOf(',') < 0 && a.indexOf('"') < 0;
                    items.add(plain ? a : "\"" + a.replace("\"", "\"\"") + "\"");
                }
                yield "acronyms:" + String.join(",", items);
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SummaryLevel l && l.kind == kind && l.depth == depth && l.acronyms.equals(acronyms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, depth, acronyms);
    }
}
