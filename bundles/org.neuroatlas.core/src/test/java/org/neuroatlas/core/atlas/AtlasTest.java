package org.neuroatlas.core.atlas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.SharedData;

/** The Allen CCFv3 files in ../shared/atlas as an atlas: identity, hemispheres, region volumes, layouts. */
class AtlasTest {

    static final Path ALLEN = SharedData.root().resolve("atlas");
    static final Map<Double, RegionVolumes> VOLUMES = new HashMap<>();
    static final Map<Double, AtlasIdentity> IDS = new HashMap<>();
    static Ontology ontology;

    @BeforeAll
    static void measure() {
        for (double res : new double[] {25, 50, 100}) {
            try (Atlas a = Atlas.open(ALLEN, OptionalDouble.of(res), Progress.NONE)) {
                VOLUMES.put(res, RegionVolumes.measure(a, Progress.NONE));
                IDS.put(res, a.identity());
                ontology = a.ontology();
            }
        }
    }

    @Test
    void identityNamesTheCcfVersionAndResolution() {
        AtlasIdentity id = IDS.get(25.0);
        assertEquals("allen_mouse_ccf", id.name());
        assertEquals("CCFv3-2017", id.version(), "recognised by its label checksum");
        assertEquals(25.0, id.resolutionUm());
        assertTrue(id.key().startsWith("allen_mouse_ccf@CCFv3-2017/25um#"), id.key());
        assertFalse(IDS.get(25.0).labelChecksum().equals(IDS.get(50.0).labelChecksum()));
    }

    @Test
    void ontologyHas1327StructuresAndEveryLabelIsInIt() {
        assertEquals(1327, ontology.size());
        assertEquals(997, ontology.root().id());
        for (double res : VOLUMES.keySet()) {
            assertEquals(List.of(), List.copyOf(VOLUMES.get(res).unknownLabels()), res + " µm");
            assertTrue(VOLUMES.get(res).labels().size() >= 669, res + " µm: " + VOLUMES.get(res).labels().size());
        }
    }

    /** The same regions measured at 25, 50 and 100 µm agree within a few percent (partial-volume effects aside). */
    @Test
    void regionVolumesAgreeAcrossResolutions() {
        for (String acronym : new String[] {"root", "VTA", "SNc", "HY"}) {
            int id = ontology.require(acronym, "test").id();
            double v25 = VOLUMES.get(25.0).totalMm3(id, null);
            double v50 = VOLUMES.get(50.0).totalMm3(id, null);
            double v100 = VOLUMES.get(100.0).totalMm3(id, null);
            assertTrue(v25 > 0, acronym);
            assertEquals(v25, v50, 0.03 * v25, acronym + " 25 vs 50 µm");
            assertEquals(v25, v100, 0.06 * v25, acronym + " 25 vs 100 µm");
        }
        // Known magnitudes: a mouse brain is ~500 mm³; VTA and SNc are fractions of a mm³.
        int root = ontology.root().id();
        assertEquals(500, VOLUMES.get(25.0).totalMm3(root, null), 60);
        double vta = VOLUMES.get(25.0).totalMm3(ontology.require("VTA", "t").id(), null);
        assertTrue(vta > 0.2 && vta < 2, "VTA " + vta + " mm³");
    }

    @Test
    void leftPlusRightIsTotalAndRollUpEqualsTheSumOverDescendants() {
        RegionVolumes v = VOLUMES.get(50.0);
        for (Structure s : ontology.structures()) {
            double total = v.totalMm3(s.id(), null);
            assertEquals(total, v.totalMm3(s.id(), Hemisphere.LEFT) + v.totalMm3(s.id(), Hemisphere.RIGHT), 1e-9 * Math.max(1, total), s.acronym());
            double direct = v.ownMm3(s.id(), null);
            for (Structure d : ontology.descendants(s)) {
                direct += v.ownMm3(d.id(), null);
            }
            assertEquals(direct, total, 1e-9 * Math.max(1, total), s.acronym());
        }
        // The CCF is nearly symmetric: the two hemispheres of the brain differ by well under 1 %.
        int root = ontology.root().id();
        assertEquals(v.totalMm3(root, Hemisphere.LEFT), v.totalMm3(root, Hemisphere.RIGHT), 0.01 * v.totalMm3(root, null));
    }

    /** A BrainGlobe-layout copy ([AP, DV, LR] TIFFs, structures.json, hemispheres.tiff) is the same atlas. */
    @Test
    void brainGlobeCopyGivesIdenticalRegionVolumesAndIdentityChecksum(@TempDir Path tmp) throws IOException {
        Path bg = tmp.resolve("allen_mouse_50um");
        try (Atlas allen = Atlas.open(ALLEN, OptionalDouble.of(50), Progress.NONE)) {
            AtlasWriter.writeBrainGlobeLayout(allen, bg, Progress.NONE);
        }
        assertTrue(Files.isRegularFile(bg.resolve("hemispheres.tiff")));
        try (Atlas copy = Atlas.open(bg, OptionalDouble.empty(), Progress.NONE)) {
            assertTrue(copy.storedHemispheres().isPresent(), "reads the hemisphere volume");
            assertArrayEquals(new long[] {264, 160, 228}, copy.dimensions());
            assertEquals(IDS.get(50.0).labelChecksum(), copy.identity().labelChecksum(), "same labels at the same places");
            RegionVolumes a = VOLUMES.get(50.0);
            RegionVolumes b = RegionVolumes.measure(copy, Progress.NONE);
            for (Structure s : ontology.structures()) {
                for (Hemisphere h : new Hemisphere[] {null, Hemisphere.LEFT, Hemisphere.RIGHT}) {
                    assertEquals(a.totalMm3(s.id(), h), b.totalMm3(s.id(), h), 1e-12, s.acronym() + " " + h);
                }
            }
        }
    }

    @Test
    void badFoldersAndResolutionsGiveClearErrors(@TempDir Path tmp) {
        InputException e = assertThrows(InputException.class, () -> Atlas.open(tmp, OptionalDouble.empty(), Progress.NONE));
        assertTrue(e.getMessage().contains("is not an atlas folder"), e.getMessage());
        e = assertThrows(InputException.class, () -> Atlas.open(ALLEN, OptionalDouble.of(10), Progress.NONE));
        assertTrue(e.getMessage().contains("--resolution") && e.getMessage().contains("25, 50, 100"), e.getMessage());
        e = assertThrows(InputException.class, () -> Atlas.open(tmp.resolve("nope"), OptionalDouble.empty(), Progress.NONE));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
