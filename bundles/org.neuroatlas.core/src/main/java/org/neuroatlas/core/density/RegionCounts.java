package org.neuroatlas.core.density;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;

/**
 * Cells per region of one sample, long format: one row per region × hemisphere (left, right, both), for every
 * structure that holds at least one counted cell (with its descendants) or was requested. Rows come in ontology
 * order (depth-first, every structure before its descendants), then left, right, both. Only cells with status
 * {@link MappingStatus#IN_BRAIN} are counted.
 */
public final class RegionCounts {

    /** Hemisphere column value for left + right. */
    public static final String BOTH = "both";

    /**
     * The columns that name a row of every per-region table (counts, axon density): sample, atlas identity, region
     * and hemisphere. The group statistics read these.
     */
    public static final List<Column> REGION_KEY = List.of(
            Column.string("sample_id", "Sample (brain)"),
            Column.string("atlas", "Atlas identity key"),
            Column.integer("region_id", "Atlas structure id"),
            Column.string("acronym", "Structure acronym"),
            Column.string("name", "Structure name"),
            Column.integer("depth", "Depth in the ontology (root 0)"),
            Column.string("hemisphere", "left, right or both (BrainGlobe convention)"));

    public static final TableSchema SCHEMA = TableSchema.withKey(REGION_KEY,
            Column.longInt("count_own", "Cells whose nearest atlas voxel is labelled exactly region_id"),
            Column.longInt("count", "Cells in the region with all its descendants"),
            Column.real("volume_mm3", "Atlas volume of the region with all its descendants on this side, mm³"),
            Column.real("density_per_mm3", "count / volume_mm3, cells per mm³ of atlas space; empty if the volume is 0"));

    private RegionCounts() {
    }

    /**
     * The rows of {@link #SCHEMA}.
     *
     * @param sampleId  the sample the cells belong to
     * @param atlasKey  identity key of the atlas the cells were mapped to (and {@code volumes} measured in)
     * @param cells     mapped cells; those not in the brain are not counted
     * @param volumes   region volumes of that atlas
     * @param requested structure ids to list even without cells (e.g. the regions of a study); may be empty
     * @throws IllegalArgumentException if a requested id is not in the ontology
     */
    public static List<Object[]> rows(String sampleId, String atlasKey, List<MappedCell> cells, Ontology ontology, RegionVolumes volumes,
            Collection<Integer> requested) {
        Map<Integer, Long> ownLeft = new HashMap<>();
        Map<Integer, Long> ownRight = new HashMap<>();
        for (MappedCell c : cells) {
            if (c.inBrain()) {
                (c.hemisphere() == Hemisphere.LEFT ? ownLeft : ownRight).merge(c.regionId(), 1L, Long::sum);
            }
        }
        Set<Integer> listed = new HashSet<>(requested);
        for (int id : requested) {
            if (!ontology.contains(id)) {
                throw new IllegalArgumentException("requested structure " + id + " is not in the ontology " + ontology.name());
            }
        }
        Map<Integer, Long> left = ontology.rollUpCounts(ownLeft);
        Map<Integer, Long> right = ontology.rollUpCounts(ownRight);
        List<Object[]> rows = new ArrayList<>();
        for (Structure s : ontology.structures()) {
            int id = s.id();
            long l = left.get(id);
            long r = right.get(id);
            if (l + r == 0 && !listed.contains(id)) {
                continue;
            }
            long ol = ownLeft.getOrDefault(id, 0L);
            long or = ownRight.getOrDefault(id, 0L);
            rows.add(row(sampleId, atlasKey, s, Hemisphere.LEFT.label(), ol, l, volumes.totalMm3(id, Hemisphere.LEFT)));
            rows.add(row(sampleId, atlasKey, s, Hemisphere.RIGHT.label(), or, r, volumes.totalMm3(id, Hemisphere.RIGHT)));
            rows.add(row(sampleId, atlasKey, s, BOTH, ol + or, l + r, volumes.totalMm3(id, null)));
        }
        return rows;
    }

    private static Object[] row(String sampleId, String atlasKey, Structure s, String side, long own, long count, double volumeMm3) {
        return new Object[] {sampleId, atlasKey, s.id(), s.acronym(), s.name(), s.depth(), side, own, count, volumeMm3,
            volumeMm3 > 0 ? count / volumeMm3 : null};
    }
}
