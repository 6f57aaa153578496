package org.neuroatlas.core.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.atlas.Structure;

/** {@link RegionCounts} on hand-made cells: what is listed, in which order, and what is not counted. */
class RegionCountsTest {

    static Atlas atlas;
    static RegionVolumes volumes;

    @BeforeAll
    static void open() {
        atlas = Atlas.demo(200, Progress.NONE);
        volumes = RegionVolumes.measure(atlas, Progress.NONE);
    }

    @AfterAll
    static void close() {
        atlas.close();
    }

    static void checkDensity(Object[] r) {
        double volume = (Double) r[9];
        if (volume > 0) {
            assertEquals((Long) r[8] / volume, (Double) r[10], 1e-12 * ((Long) r[8] / volume + 1));
        } else {
            assertNull(r[10]);
        }
    }

    private static MappedCell cell(int id, Hemisphere side, MappingStatus status) {
        return new MappedCell(1, 2, 3, id, side, status);
    }

    @Test
    void listsRegionsWithCellsAndRequestedOnesInOntologyOrderAndSkipsUncountedCells() {
        Ontology o = atlas.ontology();
        Structure vta = o.require("VTA", "test");
        Structure snc = o.require("SNc", "test");
        List<MappedCell> cells = List.of(cell(vta.id(), Hemisphere.LEFT, MappingStatus.IN_BRAIN), cell(vta.id(), Hemisphere.RIGHT, MappingStatus.IN_BRAIN),
                cell(vta.id(), Hemisphere.RIGHT, MappingStatus.IN_BRAIN), cell(0, Hemisphere.LEFT, MappingStatus.OUTSIDE_BRAIN),
                cell(0, null, MappingStatus.OUTSIDE_ATLAS), cell(99999, Hemisphere.LEFT, MappingStatus.UNKNOWN_LABEL));
        List<Object[]> rows = RegionCounts.rows("b1", atlas.identity().key(), cells, o, volumes, List.of(snc.id()));
        // VTA with its ancestors, and SNc (requested) with its ancestors only if they hold cells: 3 rows each.
        int listed = o.ancestors(vta).size() + 1 + 1;
        assertEquals(3 * listed, rows.size());
        int last = -1;
        for (Object[] r : rows) {
            RegionCounts.SCHEMA.check(r);
            assertEquals("b1", r[0]);
            assertEquals(atlas.identity().key(), r[1]);
            int position = o.structures().indexOf(o.require((Integer) r[2]));
            assertTrue(position >= last, "ontology order");
            last = position;
            checkDensity(r);
        }
        Object[] vtaBoth = rows.stream().filter(r -> r[2].equals(vta.id()) && r[6].equals("both")).findFirst().orElseThrow();
        assertEquals(3L, vtaBoth[7]);
        assertEquals(3L, vtaBoth[8]);
        assertEquals(volumes.totalMm3(vta.id(), null), (Double) vtaBoth[9], 0);
        Object[] vtaRight = rows.stream().filter(r -> r[2].equals(vta.id()) && r[6].equals("right")).findFirst().orElseThrow();
        assertEquals(2L, vtaRight[8]);
        Object[] sncBoth = rows.stream().filter(r -> r[2].equals(snc.id()) && r[6].equals("both")).findFirst().orElseThrow();
        assertEquals(0L, sncBoth[8]);
        assertEquals(0.0, (Double) sncBoth[10], 0);
        assertEquals(3L, rows.get(2)[8], "the root holds only the counted cells");
        assertThrows(IllegalArgumentException.class, () -> RegionCounts.rows("b1", "k", cells, o, volumes, List.of(-5)));
    }
}
