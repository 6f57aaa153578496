package org.neuroatlas.core.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.InputException;

/** Summary levels: parsing, selection on the real Allen ontology, and assignment of annotation_100's labels. */
class SummaryLevelTest {

    private static final String P = "--summary-level";

    @Test
    void parseAndToStringRoundTrip() {
        assertEquals(SummaryLevel.all(), SummaryLevel.parse(" ALL ", P));
        assertEquals(SummaryLevel.major(), SummaryLevel.parse("Major", P));
        assertEquals(SummaryLevel.depth(5), SummaryLevel.parse("depth:5", P));
        assertEquals(SummaryLevel.depth(5), SummaryLevel.parse(" Depth : 5 ", P));
        assertEquals(SummaryLevel.acronyms(List.of("VTA", "SNc")), SummaryLevel.parse("acronyms:VTA, SNc", P));
        assertEquals(SummaryLevel.acronyms(List.of("VTA", "SNc")), SummaryLevel.parse("VTA,SNc,VTA", P), "bare list, repeats dropped");
        assertEquals(SummaryLevel.acronyms(List.of("VTA")), SummaryLevel.parse("VTA", P));
        assertEquals(SummaryLevel.acronyms(List.of("CUL4, 5", "VTA", "a\"b")), SummaryLevel.parse("acronyms:\"CUL4, 5\",VTA,\"a\"\"b\"", P));
        assertNotEquals(SummaryLevel.depth(4), SummaryLevel.depth(5));
        assertEquals(SummaryLevel.Kind.ACRONYMS, SummaryLevel.parse("VTA", P).kind());

        for (SummaryLevel l : List.of(SummaryLevel.all(), SummaryLevel.major(), SummaryLevel.depth(0), SummaryLevel.depth(7),
                SummaryLevel.acronyms(List.of("VTA", "SNc")), SummaryLevel.acronyms(List.of("CUL4, 5", " sp ", "q\"", "x:y")))) {
            SummaryLevel back = SummaryLevel.parse(l.toString(), P);
            assertEquals(l, back, l.toString());
            assertEquals(l.hashCode(), back.hashCode());
        }
        assertEquals("depth:7", SummaryLevel.depth(7).toString());
        assertEquals("acronyms:VTA,SNc", SummaryLevel.acronyms(List.of("VTA", "SNc")).toString());
        assertEquals("acronyms:\"CUL4, 5\",VTA", SummaryLevel.acronyms(List.of("CUL4, 5", "VTA")).toString());
    }

    @Test
    void parseErrorsNameTheParameterAndTheSyntax() {
        assertParseError("", "parameter --summary-level: no summary level given. Use all, major, depth:N");
        assertParseError("  ", "parameter --summary-level: no summary level given.");
        assertParseError("depth:-1", "parameter --summary-level: 'depth:-1': the depth must be a whole number of 0 or more. Write e.g. depth:5");
        assertParseError("depth:five", "'depth:five': the depth must be a whole number");
        assertParseError("depth:", "the depth must be a whole number");
        assertParseError("level:3", "parameter --summary-level: 'level:3' is not a summary level. Use all, major, depth:N");
        assertParseError("acronyms:", "empty acronym in the list ''");
        assertParseError("VTA,,SNc", "empty acronym in the list 'VTA,,SNc'");
        assertParseError("VTA,", "empty acronym in the list 'VTA,'");
        assertParseError("acronyms:\"CUL4, 5", "unclosed double quote");
        assertThrows(IllegalArgumentException.class, () -> SummaryLevel.depth(-1));
        assertThrows(IllegalArgumentException.class, () -> SummaryLevel.acronyms(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SummaryLevel.acronyms(List.of("VTA", " ")));
    }

    private static void assertParseError(String text, String expectedStart) {
        InputException e = assertThrows(InputException.class, () -> SummaryLevel.parse(text, P));
        assertTrue(e.getMessage().contains(expectedStart), e.getMessage());
    }

    @Test
    void majorGivesTheTwelveAllenDivisionsAsDisjointRegions() {
        for (Ontology o : List.of(OntologyRealDataTest.csv(), OntologyRealDataTest.json())) {
            List<Integer> ids = SummaryLevel.major().structures(o);
            assertEquals(12, ids.size());
            assertEquals(Set.of(315, 698, 1089, 703, 477, 803, 549, 1097, 313, 771, 354, 512), Set.copyOf(ids));
            assertEquals(ids.stream().sorted(Comparator.comparingInt(o::indexOf)).toList(), ids, "in ontology order");
            for (int a : ids) {
                for (int b : ids) {
                    assertFalse(o.isAncestorOf(o.require(a), o.require(b)), "major divisions do not nest");
                }
            }
        }
    }

    /** Under 'major' only fiber tracts, ventricles and voxels labelled 'root' fall under no division. */
    @Test
    void majorCoversAllGreyMatterOfAnnotation100() {
        Ontology o = OntologyRealDataTest.csv();
        Map<Integer, Long> voxels = OntologyTestData.annotation100VoxelCounts();
        SummaryLevel major = SummaryLevel.major();
        Map<String, Long> outside = new HashMap<>();
        for (Map.Entry<Integer, Long> e : voxels.entrySet()) {
            Structure label = o.require(e.getKey());
            if (major.summaryRegionOf(label.id(), o).isEmpty()) {
                String top = label.path().size() > 1 ? o.require(label.path().get(1)).acronym() : "root";
                outside.merge(top, e.getValue(), Long::sum);
            }
        }
        assertEquals(Map.of("fiber tracts", 46_672L, "VS", 6_136L, "root", 3_589L), outside);
        long total = voxels.values().stream().mapToLong(Long::longValue).sum();
        Map<Integer, Long> summary = major.summarizeCounts(voxels, o);
        assertEquals(major.structures(o), List.copyOf(summary.keySet()));
        assertEquals(total - 46_672 - 6_136 - 3_589, summary.values().stream().mapToLong(Long::longValue).sum());
        // Disjoint divisions: their summaries are their roll-ups.
        Map<Integer, Long> rolled = o.rollUpCounts(voxels);
        for (int id : summary.keySet()) {
            assertEquals(rolled.get(id), summary.get(id), o.require(id).acronym());
        }
    }

    /** For every depth, each label of annotation_100 gets exactly one summary region, and no voxel is lost. */
    @Test
    void depthLevelsAssignEveryLabelOfAnnotation100ToExactlyOneRegion() {
        Ontology o = OntologyRealDataTest.csv();
        Map<Integer, Long> voxels = OntologyTestData.annotation100VoxelCounts();
        long total = voxels.values().stream().mapToLong(Long::longValue).sum();
        for (int n = 0; n <= o.maxDepth() + 1; n++) {
            SummaryLevel level = SummaryLevel.depth(n);
            List<Integer> selected = level.structures(o);
            for (Structure s : o.structures()) {
                boolean expected = s.depth() <= n; // depth N, and shallower leaves and non-leaves
                assertEquals(expected, selected.contains(s.id()), "depth:" + n + " " + s.acronym());
            }
            for (int label : voxels.keySet()) {
                Structure s = o.require(label);
                OptionalInt region = level.summaryRegionOf(label, o);
                assertTrue(region.isPresent(), "depth:" + n + " label " + s.acronym());
                int expected = s.depth() <= n ? label : s.path().get(n);
                assertEquals(expected, region.getAsInt(), "depth:" + n + " label " + s.acronym());
            }
            Map<Integer, Long> summary = level.summarizeCounts(voxels, o);
            assertEquals(total, summary.values().stream().mapToLong(Long::longValue).sum(), "depth:" + n + " loses no voxel");
        }
        // Why shallower non-leaf structures are selected too: Allen labels voxels with e.g. the root itself, so
        // "depth N plus shallower leaves" would drop them.
        assertTrue(voxels.containsKey(997) && !o.isLeaf(o.root()));
        assertEquals(OptionalInt.of(997), SummaryLevel.depth(5).summaryRegionOf(997, o));
        assertEquals(OptionalInt.of(997), SummaryLevel.depth(0).summaryRegionOf(749, o));
    }

    @Test
    void acronymListsAreValidatedAndNestedSelectionsCountOnceAtTheNearestRegion() {
        Ontology o = OntologyRealDataTest.csv();
        SummaryLevel level = SummaryLevel.parse("acronyms:VTA,SNc", P);
        List<Integer> ids = level.structures(o, P);
        assertEquals(Set.of(749, 374), Set.copyOf(ids));
        assertEquals(ids.stream().sorted(Comparator.comparingInt(o::indexOf)).toList(), ids);
        assertEquals(OptionalInt.of(374), level.summaryRegionOf(374, o));
        assertEquals(OptionalInt.empty(), level.summaryRegionOf(1097, o));

        InputException e = assertThrows(InputException.class, () -> SummaryLevel.parse("VTA,SNC", P).structures(o, P));
        assertTrue(e.getMessage().startsWith("parameter --summary-level: no region with acronym 'SNC' in the ontology "
                + o.name() + "; did you mean SNc"), e.getMessage());

        // TH and its part VAL: VAL's voxels count at VAL only, the rest of TH at TH.
        Map<Integer, Long> voxels = OntologyTestData.annotation100VoxelCounts();
        Map<Integer, Long> rolled = o.rollUpCounts(voxels);
        int th = o.require("TH", P).id();
        int val = o.require("VAL", P).id();
        Map<Integer, Long> summary = SummaryLevel.parse("TH,VAL", P).summarizeCounts(voxels, o);
        assertEquals(rolled.get(val), summary.get(val));
        assertEquals(rolled.get(th) - rolled.get(val), summary.get(th));
        assertTrue(summary.get(val) > 0);
        Map<Integer, Double> asDoubles = new HashMap<>();
        voxels.forEach((k, v) -> asDoubles.put(k, v.doubleValue()));
        assertEquals((double) summary.get(th), SummaryLevel.parse("TH,VAL", P).summarize(asDoubles, o).get(th));
    }

    @Test
    void allSelectsEveryStructure() {
        Ontology o = OntologyRealDataTest.csv();
        assertEquals(o.structures().stream().map(Structure::id).toList(), SummaryLevel.all().structures(o));
        for (int label : OntologyTestData.annotation100Labels()) {
            assertEquals(OptionalInt.of(label), SummaryLevel.all().summaryRegionOf(label, o));
        }
    }

    @Test
    void unknownLabelsAndNonAllenOntologies() {
        Ontology small = Ontology.of("tiny atlas", OntologyTestData.smallTree());
        SummaryLevel major = SummaryLevel.major();
        InputException e = assertThrows(InputException.class, () -> major.structures(small, P));
        assertTrue(e.getMessage().startsWith("parameter --summary-level: 'major' selects the Allen mouse brain's major divisions"
                + " (Isocortex, OLF, HPF, CTXsp, STR, PAL, TH, HY, MB, P, MY, CB), but the ontology tiny atlas lacks Isocortex, OLF"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Use depth:N or acronyms:… for this atlas"), e.getMessage());

        SummaryLevel depth1 = SummaryLevel.depth(1);
        assertThrows(IllegalArgumentException.class, () -> depth1.summaryRegionOf(0, small), "0 is background, not a label");
        // One level used with two ontologies in turn: each answer is for the ontology asked about.
        Ontology allen = OntologyRealDataTest.csv();
        assertEquals(OptionalInt.of(10), depth1.summaryRegionOf(121, small));
        assertEquals(OptionalInt.of(8), depth1.summaryRegionOf(749, allen));
        assertEquals(OptionalInt.of(20), depth1.summaryRegionOf(21, small));
        assertEquals(List.of(1, 10, 20), depth1.structures(small));
    }
}
