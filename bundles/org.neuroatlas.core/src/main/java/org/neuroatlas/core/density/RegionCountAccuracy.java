package org.neuroatlas.core.density;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.register.AtlasTransform;

/**
 * How well an estimated registration counts a region's cells: the simulator's true cells (sample µm, with their true
 * atlas positions and regions) are mapped through the estimated transform as {@code map} maps detected cells, and the
 * region's count (with descendants, both sides) is compared with the true one. Isolates the registration's share of
 * a count error from the detector's.
 *
 * @param acronym       the region
 * @param trueCount     cells whose true region is the region or a descendant
 * @param mappedCount   cells the estimated transform puts there
 * @param lost          true cells of the region mapped elsewhere
 * @param gained        cells of other regions mapped into it
 * @param medianErrorUm median distance between the mapped and the true atlas position of the region's true cells, µm
 */
public record RegionCountAccuracy(String acronym, long trueCount, long mappedCount, long lost, long gained, double medianErrorUm) {

    /** The true-cells table's columns this class reads (the simulator's {@code cells.csv}). */
    static final String REGION_ID = "region_id", ATLAS_X = "atlas_x_um", ATLAS_Y = "atlas_y_um", ATLAS_Z = "atlas_z_um";

    /** Mapped / true − 1; NaN if the region has no true cell. */
    public double relativeError() {
        return trueCount == 0 ? Double.NaN : (double) mappedCount / trueCount - 1;
    }

    /**
     * Scores {@code estimate} on {@code acronyms}.
     *
     * @param trueCells the simulator's cells table (sample µm in {@code x_um, y_um, z_um}; true atlas µm and
     *                  {@code region_id})
     * @param source    where the transform was read from, named in a mismatch message
     * @throws org.neuroatlas.core.InputException if the transform belongs to another atlas or an acronym is unknown
     */
    public static List<RegionCountAccuracy> measure(Atlas atlas, AtlasTransform estimate, Path source, TextTable trueCells, List<String> acronyms,
            Progress progress) {
        List<MappedCell> mapped = CellMapper.of(atlas, estimate, source).map(CellPositions.from(trueCells), progress);
        Ontology ontology = atlas.ontology();
        int cells = mapped.size();
        int[] trueRegion = new int[cells];
        double[] errorUm = new double[cells];
        for (int i = 0; i < cells; i++) {
            trueRegion[i] = Integer.parseInt(trueCells.get(i, REGION_ID));
            MappedCell m = mapped.get(i);
            errorUm[i] = Math.sqrt(square(m.atlasXUm() - Double.parseDouble(trueCells.get(i, ATLAS_X)))
                    + square(m.atlasYUm() - Double.parseDouble(trueCells.get(i, ATLAS_Y)))
                    + square(m.atlasZUm() - Double.parseDouble(trueCells.get(i, ATLAS_Z))));
        }
        List<RegionCountAccuracy> out = new ArrayList<>();
        for (String acronym : acronyms) {
            Structure region = ontology.require(acronym, "region");
            long trueCount = 0, mappedCount = 0, lost = 0, gained = 0;
            double[] errors = new double[cells];
            int n = 0;
            for (int i = 0; i < cells; i++) {
                boolean isTrue = within(ontology, region, trueRegion[i]);
                MappedCell m = mapped.get(i);
                boolean isMapped = m.inBrain() && within(ontology, region, m.regionId());
                trueCount += isTrue ? 1 : 0;
                mappedCount += isMapped ? 1 : 0;
                lost += isTrue && !isMapped ? 1 : 0;
                gained += isMapped && !isTrue ? 1 : 0;
                if (isTrue) {
                    errors[n++] = errorUm[i];
                }
            }
            Arrays.sort(errors, 0, n);
            double median = n == 0 ? Double.NaN : n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
            out.add(new RegionCountAccuracy(region.acronym(), trueCount, mappedCount, lost, gained, median));
        }
        return out;
    }

    private static boolean within(Ontology ontology, Structure region, int id) {
        if (id == region.id()) {
            return true;
        }
        return ontology.byId(id).map(s -> ontology.isAncestorOf(region, s)).orElse(false);
    }

    private static double square(double v) {
        return v * v;
    }
}
