package org.neuroatlas.core.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.Structure;

/**
 * The colour of an atlas label on one side of the brain for one contrast. A voxel takes the row of the nearest
 * region at or above its label in the ontology that the table lists (so a table at the level of major divisions
 * colours whole divisions, and a finer row wins over a coarser one); a row for the voxel's own side wins over a
 * {@code both} row of the same region. Significant rows are coloured by log2 fold change on the diverging scale
 * (±{@link #limit()} at the ends), other rows grey, brain without a row light grey, outside the brain transparent.
 */
final class RegionColouring {

    private final Ontology ontology;
    private final double limit;
    /** structure id → side label ("left", "right", "both") → row */
    private final Map<Integer, Map<String, ComparisonRow>> rowsById = new HashMap<>();
    private final Map<Long, Integer> memo = new HashMap<>();
    private final int unmatched;

    RegionColouring(List<ComparisonRow> rows, Ontology ontology) {
        this.ontology = ontology;
        int missing = 0;
        double maxFc = 0;
        for (ComparisonRow r : rows) {
            Optional<Structure> s = r.regionId() >= 0 && ontology.contains(r.regionId()) ? ontology.byId(r.regionId())
                    : ontology.byAcronym(r.region());
            if (s.isEmpty()) {
                missing++;
                continue;
            }
            rowsById.computeIfAbsent(s.get().id(), k -> new HashMap<>()).putIfAbsent(r.hemisphere(), r);
            if (r.significant() && Double.isFinite(r.log2Fc())) {
                maxFc = Math.max(maxFc, Math.abs(r.log2Fc()));
            }
        }
        this.unmatched = missing;
        this.limit = maxFc > 0 ? Scale.niceCeiling(maxFc, 4) : 1;
    }

    /** |log2 FC| at the ends of the colour scale: the largest significant one, rounded up to a nice value; 1 if none. */
    double limit() {
        return limit;
    }

    /** Rows whose region the atlas does not know (not drawn). */
    int unmatched() {
        return unmatched;
    }

    /** ARGB colour of {@code label} on {@code side}; 0 (transparent) for label 0. */
    int argb(int label, Hemisphere side) {
        if (label == 0) {
            return 0;
        }
        long key = (long) label << 2 | side.ordinal();
        Integer c = memo.get(key);
        if (c == null) {
            c = 0xFF000000 | rgb(label, side);
            memo.put(key, c);
        }
        return c;
    }

    private int rgb(int label, Hemisphere side) {
        ComparisonRow row = rowFor(label, side);
        if (row == null) {
            return Colours.NO_DATA;
        }
        if (!row.significant() || Double.isNaN(row.log2Fc())) {
            return Colours.NS;
        }
        return Colours.diverging(row.log2Fc() / limit);
    }

    /** Whether {@code label} is coloured by a significant row on either side. */
    boolean isSignificant(int label) {
        for (Hemisphere side : Hemisphere.values()) {
            ComparisonRow r = rowFor(label, side);
            if (r != null && r.significant()) {
                return true;
            }
        }
        return false;
    }

    /** The row that colours {@code label} on {@code side}, or null. */
    ComparisonRow rowFor(int label, Hemisphere side) {
        Optional<Structure> s = ontology.byId(label);
        while (s.isPresent()) {
            Map<String, ComparisonRow> bySide = rowsById.get(s.get().id());
            if (bySide != null) {
                ComparisonRow r = bySide.get(side.label());
                if (r == null) {
                    r = bySide.get("both");
                }
                if (r != null) {
                    return r;
                }
            }
            s = ontology.parent(s.get());
        }
        return null;
    }
}
