package org.neuroatlas.core.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.atlas.Structure;

/** The built-in scenarios against the real Allen CCFv3 (read in place from ../shared): names resolve, baselines are mouse-like. */
class ScenarioTest {

    @Test
    void ketamineBaselinesGiveMouseLikeCountsOnTheAllenAtlas() {
        Scenario k = Scenario.load("ketamine");
        assertEquals("saline", k.control());
        assertEquals(3, k.groups().size());
        try (Atlas atlas = Atlas.open(SharedData.atlas("."), OptionalDouble.of(25), Progress.NONE)) {
            Ontology o = atlas.ontology();
            Map<Integer, Scenario.RegionEntry> entries = k.resolve(o);
            RegionVolumes volumes = RegionVolumes.measure(atlas, Progress.NONE);
            // Expected cells per side in SNc + VTA, and per brain overall: density of each structure's governing entry × its own volume.
            double midbrainRight = 0;
            double total = 0;
            for (Structure s : o.structures()) {
                double density = entries.get(s.id()).cellsPerMm3();
                total += density * volumes.ownMm3(s.id(), null);
            }
            for (String a : new String[] {"SNc", "VTA"}) {
                midbrainRight += k.regions().stream().filter(e -> e.acronym().equals(a)).findFirst().orElseThrow().cellsPerMm3()
                        * volumes.totalMm3(o.require(a, "test").id(), Hemisphere.RIGHT);
            }
            assertTrue(midbrainRight > 10_000 && midbrainRight < 12_000, "SNc + VTA per side: " + midbrainRight);
            assertTrue(total > 25_000 && total < 35_000, "cells per brain: " + total);
        }
    }

    @Test
    void effectsHaveTheStudysDirectionsAndGrowWithDose() {
        Scenario k = Scenario.load("ketamine");
        Set<String> down = Set.of("SNc", "VTA", "RR", "DR");
        Set<String> up = Set.of("ARH", "PVH", "DMH", "ZI", "MPN");
        Set<String> seen = new HashSet<>();
        for (Scenario.RegionEntry e : k.regions()) {
            double low = e.cellEffects().getOrDefault("ketamine-30", 1.0);
            double high = e.cellEffects().getOrDefault("ketamine-100", 1.0);
            if (down.contains(e.acronym()) || up.contains(e.acronym())) {
                seen.add(e.acronym());
                assertTrue(down.contains(e.acronym()) ? high < low && low < 1 : high > low && low > 1, e.acronym());
            }
            assertFalse(e.basis().isBlank(), "every number has its basis: " + e.acronym());
        }
        assertEquals(9, seen.size());
        double aud = k.regions().stream().filter(e -> e.acronym().equals("AUD")).findFirst().orElseThrow().fibreEffects().get("ketamine-100");
        double pl = k.regions().stream().filter(e -> e.acronym().equals("PL")).findFirst().orElseThrow().fibreEffects().get("ketamine-100");
        assertTrue(aud < 1 && pl > 1);
        Scenario none = Scenario.load("null");
        assertTrue(none.regions().stream().allMatch(e -> e.cellEffects().isEmpty() && e.fibreEffects().isEmpty()));
    }

    @Test
    void badScenarioFilesNameTheProblem(@TempDir Path dir) throws IOException {
        InputException missing = assertThrows(InputException.class, () -> Scenario.load("ketamin"));
        assertTrue(missing.getMessage().contains("ketamine"), missing.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"x\", \"control\": \"a\", \"groups\": [{\"name\": \"a\"}],"
                + " \"regions\": [{\"acronym\": \"VTA\", \"cell_effects\": {\"b\": 0.5}}]}");
        InputException e = assertThrows(InputException.class, () -> Scenario.load(bad.toString()));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("'b'"), e.getMessage());
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"name\": \"x\", \"control\": \"a\", \"groups\": [{\"name\": \"a\"}], \"regions\": [{\"acronym\": \"VTX\"}]}");
        try (Atlas atlas = Atlas.demo(200, Progress.NONE)) {
            InputException u = assertThrows(InputException.class, () -> Scenario.load(unknown.toString()).resolve(atlas.ontology()));
            assertTrue(u.getMessage().contains("VTX"), u.getMessage());
        }
    }
}
