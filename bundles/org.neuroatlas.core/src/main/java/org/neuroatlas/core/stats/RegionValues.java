package org.neuroatlas.core.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.TextTable;

/**
 * A long table of per-sample region values, read from one or more tables and concatenated: one value per sample ×
 * region (× hemisphere, if the tables have a {@code hemisphere} column).
 * <p>
 * Columns: {@code sample_id}; the region as {@code region} (an acronym or a numeric structure id) or, failing that,
 * {@code acronym} or {@code region_id} (so the counts CSV of {@code ./neuroatlas map} qualifies as it is); optional
 * {@code region_id} (numeric id, carried to the output), {@code depth} (for {@code depth:N} filtering),
 * {@code hemisphere} and {@code atlas}; and the value column. An empty value cell is a missing value; text that is
 * not a finite number is an error.
 */
public final class RegionValues {

    public static final String SAMPLE_ID = "sample_id";
    public static final String REGION = "region";
    public static final String ACRONYM = "acronym";
    public static final String REGION_ID = "region_id";
    public static final String DEPTH = "depth";
    public static final String HEMISPHERE = "hemisphere";
    public static final String ATLAS = "atlas";

    /**
     * One region of the values.
     *
     * @param label acronym, or the id as text when only ids are given
     * @param id    numeric structure id, or null if unknown
     * @param depth depth in the ontology, or null if unknown
     */
    public record Region(String label, Integer id, Integer depth) {
    }

    /** Where a region × hemisphere value of one sample sits. */
    record Key(Region region, String hemisphere, String sampleId) {
    }

    private final String valueColumn;
    private final List<Region> regions;
    private final List<String> hemispheres;
    private final boolean hasHemisphere;
    private final String atlas;
    private final Map<Key, Double> values;
    private final Set<String> samples;

    private RegionValues(String valueColumn, List<Region> regions, List<String> hemispheres, boolean hasHemisphere, String atlas,
            Map<Key, Double> values, Set<String> samples) {
        this.valueColumn = valueColumn;
        this.regions = regions;
        this.hemispheres = hemispheres;
        this.hasHemisphere = hasHemisphere;
        this.atlas = atlas;
        this.values = values;
        this.samples = samples;
    }

    /**
     * Reads and concatenates {@code tables}.
     *
     * @param valueColumn  the column holding the values, e.g. {@code count}
     * @param knownSamples sample ids of the sample sheet; a value of any other sample is an error
     * @throws InputException naming the table, line and column of the first problem (missing column, sample not in
     *                        the sheet, a value that is not a number or NaN, a duplicate sample × region × hemisphere,
     *                        tables of different atlases, tables with and without a hemisphere column)
     */
    public static RegionValues read(List<? extends TextTable> tables, String valueColumn, Collection<String> knownSamples) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("no tables");
        }
        Map<String, Region> regionByKey = new LinkedHashMap<>();
        List<String> hemispheres = new ArrayList<>();
        Map<Key, Double> values = new HashMap<>();
        Set<String> samples = new java.util.LinkedHashSet<>();
        Boolean hasHemisphere = null;
        String atlas = null;
        Set<String> known = Set.copyOf(knownSamples);
        for (TextTable t : tables) {
            String regionColumn = t.hasColumn(REGION) ? REGION : t.hasColumn(ACRONYM) ? ACRONYM : t.hasColumn(REGION_ID) ? REGION_ID : null;
            if (regionColumn == null) {
                throw t.error("has no region column (found: " + String.join(", ", t.header()) + ")",
                        "Name the region column region (acronym or structure id), acronym or region_id");
            }
            t.requireColumns(SAMPLE_ID, valueColumn);
            boolean hemi = t.hasColumn(HEMISPHERE);
            if (hasHemisphere != null && hasHemisphere != hemi) {
                throw t.error((hemi ? "has" : "lacks") + " a hemisphere column, unlike the values read before it",
                        "Give values all per hemisphere or all without a hemisphere column");
            }
            hasHemisphere = hemi;
            for (int r = 0; r < t.size(); r++) {
                String sample = t.get(r, SAMPLE_ID);
                if (sample.isEmpty()) {
                    throw t.error(r, SAMPLE_ID, "empty sample id", "Fill in the sample id of every row");
                }
                if (!known.contains(sample)) {
                    throw t.error(r, SAMPLE_ID, "sample '" + sample + "' is not in the sample sheet",
                            "Add it to the sample sheet (sample_id, group, dose_mg_kg) or leave its values out");
                }
                if (t.hasColumn(ATLAS) && !t.get(r, ATLAS).isEmpty()) {
                    String a = t.get(r, ATLAS);
                    if (atlas != null && !atlas.equals(a)) {
                        throw t.error(r, ATLAS, "atlas '" + a + "' differs from '" + atlas + "' of earlier rows",
                                "Compare values mapped to one atlas only");
                    }
                    atlas = a;
                }
                Region parsed = regionOf(t, r, regionColumn);
                Region region = regionByKey.computeIfAbsent(parsed.label() + "#" + parsed.id(), k -> parsed);
                String hemisphere = hemi ? t.get(r, HEMISPHERE) : "";
                if (hemi && hemisphere.isEmpty()) {
                    throw t.error(r, HEMISPHERE, "empty hemisphere", "Use left, right or both");
                }
                if (!hemispheres.contains(hemisphere)) {
                    hemispheres.add(hemisphere);
                }
                double v = value(t, r, valueColumn);
                samples.add(sample);
                if (values.putIfAbsent(new Key(region, hemisphere, sample), v) != null) {
                    throw t.error(r, regionColumn, "sample " + sample + ", region " + region.label() + (hemi ? " (" + hemisphere + ")" : "")
                            + " has a value already", "Give each sample × region" + (hemi ? " × hemisphere" : "") + " once (is a file given twice?)");
                }
            }
        }
        return new RegionValues(valueColumn, List.copyOf(regionByKey.values()), hemispheres.stream().sorted(RegionValues::hemisphereOrder).toList(),
                hasHemisphere, atlas, values, samples);
    }

    private static Region regionOf(TextTable t, int r, String regionColumn) {
        String label = t.get(r, regionColumn);
        if (label.isEmpty()) {
            throw t.error(r, regionColumn, "empty region", "Fill in the region's acronym or id");
        }
        Integer id = integer(t, r, REGION_ID);
        if (id == null && label.matches("-?\\d+")) {
            id = integer(t, r, regionColumn);
        }
        // A map counts table has acronym next to region_id; show the acronym even when region is numeric.
        if (label.matches("-?\\d+") && t.hasColumn(ACRONYM) && !t.get(r, ACRONYM).isEmpty()) {
            label = t.get(r, ACRONYM);
        }
        return new Region(label, id, integer(t, r, DEPTH));
    }

    private static Integer integer(TextTable t, int r, String column) {
        if (!t.hasColumn(column) || t.get(r, column).isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(t.get(r, column));
        } catch (NumberFormatException e) {
            throw t.error(r, column, "'" + t.get(r, column) + "' is not a whole number", "Give structure ids and depths as integers");
        }
    }

    private static double value(TextTable t, int r, String column) {
        String s = t.get(r, column);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw t.error(r, column, "'" + s + "' is not a number", "Give plain decimal numbers; leave the cell empty for a missing value");
        }
        if (!Double.isFinite(v)) {
            throw t.error(r, column, "'" + s + "' is not a finite number", "Leave the cell empty for a missing value, or fix the value");
        }
        return v;
    }

    /** left, right, both, then anything else alphabetically: a fixed order whatever the files' order. */
    private static int hemisphereOrder(String a, String b) {
        List<String> known = List.of("left", "right", "both");
        int ia = known.indexOf(a);
        int ib = known.indexOf(b);
        if (ia >= 0 || ib >= 0) {
            return Integer.compare(ia < 0 ? 99 : ia, ib < 0 ? 99 : ib);
        }
        return a.compareTo(b);
    }

    /** The value column's name. */
    public String valueColumn() {
        return valueColumn;
    }

    /** Regions in order of first appearance. */
    public List<Region> regions() {
        return regions;
    }

    /** Hemispheres present (left, right, both first); a single "" if the tables have no hemisphere column. */
    public List<String> hemispheres() {
        return hemispheres;
    }

    public boolean hasHemisphere() {
        return hasHemisphere;
    }

    /** The atlas identity key of the values, or null if they carry none. */
    public String atlas() {
        return atlas;
    }

    /** Samples with at least one row, in order of first appearance. */
    public Set<String> samples() {
        return samples;
    }

    /**
     * Sample id → value at the region labelled {@code label} (as in the dose-comparison table's region column) and
     * {@code hemisphere}, samples in order of first appearance; NaN for an empty value cell; empty if there is none.
     * Values without a hemisphere column stand for both sides, so {@code both} (or an empty hemisphere) finds them:
     * the comparison table of such values names them so.
     */
    public Map<String, Double> sampleValues(String label, String hemisphere) {
        String side = hasHemisphere ? hemispheres.stream().filter(h -> h.equalsIgnoreCase(hemisphere)).findFirst().orElse(null)
                : hemisphere.isEmpty() || hemisphere.equalsIgnoreCase("both") ? "" : null;
        Map<String, Double> out = new LinkedHashMap<>();
        if (side == null) {
            return out;
        }
        for (Region region : regions) {
            if (region.label().equals(label)) {
                for (String sample : samples) {
                    Double v = values.get(new Key(region, side, sample));
                    if (v != null) {
                        out.putIfAbsent(sample, v);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The value of a sample at a region × hemisphere: null if the sample has no row there, NaN if the row's value
     * cell is empty.
     */
    public Double value(Region region, String hemisphere, String sampleId) {
        return values.get(new Key(region, hemisphere, sampleId));
    }
}
