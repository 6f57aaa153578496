package org.neuroatlas.core.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroatlas.core.atlas.OntologyTestData.s;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.InputException;

/** Ontology construction, validation, navigation, look-ups and roll-up on small hand-made trees and the real one. */
class OntologyTest {

    private static List<Integer> ids(List<Structure> list) {
        return list.stream().map(Structure::id).toList();
    }

    @Test
    void navigationOnASmallTree() {
        Ontology o = Ontology.of("small", OntologyTestData.smallTree());
        Structure a = o.byAcronym("A").orElseThrow();
        Structure a2x = o.require(121);
        assertEquals(7, o.size());
        assertEquals(1, o.root().id());
        assertEquals(List.of(1, 10, 11, 12, 121, 20, 21), ids(o.structures()));
        assertEquals(List.of(11, 12), ids(o.children(a)));
        assertEquals(List.of(11, 12, 121), ids(o.descendants(a)));
        assertEquals(List.of(10, 11, 12, 121, 20, 21), ids(o.descendants(o.root())));
        assertEquals(List.of(), ids(o.descendants(a2x)));
        assertEquals(List.of(1, 10, 12), ids(o.ancestors(a2x)));
        assertEquals(List.of(), ids(o.ancestors(o.root())));
        assertEquals(12, o.parent(a2x).orElseThrow().id());
        assertTrue(o.parent(o.root()).isEmpty());
        assertTrue(o.isAncestorOf(a, a2x));
        assertTrue(o.isAncestorOf(o.root(), a2x));
        assertFalse(o.isAncestorOf(a2x, a));
        assertFalse(o.isAncestorOf(a, a), "proper ancestors only");
        assertFalse(o.isAncestorOf(a, o.require(21)));
        assertTrue(o.isLeaf(a2x));
        assertFalse(o.isLeaf(a));
        assertEquals(3, a2x.depth());
        assertEquals(List.of(1, 10, 12, 121), a2x.path());
        assertEquals(3, o.maxDepth());
        assertTrue(o.contains(20));
        assertFalse(o.contains(2));
        assertTrue(o.byId(2).isEmpty());
        assertTrue(o.byAcronym("a").isEmpty(), "look-ups are case-exact");
    }

    @Test
    void scrambledInputGetsACanonicalOrderWithChildrenByIdButAGivenDepthFirstOrderIsKept() {
        List<Structure> scrambled = new ArrayList<>(OntologyTestData.smallTree());
        Collections.reverse(scrambled);
        Ontology o = Ontology.of("scrambled", scrambled);
        assertEquals(List.of(1, 10, 11, 12, 121, 20, 21), ids(o.structures()));

        // B's subtree before A's is still depth-first: kept as given.
        List<Structure> bFirst = List.of(s(1, "root", -1), s(20, "B", 1), s(21, "B1", 20), s(10, "A", 1), s(12, "A2", 10), s(11, "A1", 10));
        assertEquals(List.of(1, 20, 21, 10, 12, 11), ids(Ontology.of("b first", bFirst).structures()));
    }

    @Test
    void givenDepthAndPathAreCheckedAgainstTheParentLinks() {
        List<Structure> ok = new ArrayList<>(OntologyTestData.smallTree());
        ok.set(4, new Structure(121, "A2x", "x", 12, 3, List.of(1, 10, 12, 121), "FFFFFF"));
        assertEquals(3, Ontology.of("ok", ok).require(121).depth());

        List<Structure> badDepth = new ArrayList<>(OntologyTestData.smallTree());
        badDepth.set(4, new Structure(121, "A2x", "x", 12, 2, List.of(), "FFFFFF"));
        InputException e = assertThrows(InputException.class, () -> Ontology.of("depths.csv", badDepth));
        assertEquals("depths.csv: 121 (A2x) has depth 2, but its parent links put it at depth 3. "
                + "Use the atlas's original, unmodified ontology file", e.getMessage());

        List<Structure> badPath = new ArrayList<>(OntologyTestData.smallTree());
        badPath.set(4, new Structure(121, "A2x", "x", 12, Ontology.UNKNOWN_DEPTH, List.of(1, 20, 12, 121), "FFFFFF"));
        e = assertThrows(InputException.class, () -> Ontology.of("paths.csv", badPath));
        assertTrue(e.getMessage().startsWith("paths.csv: 121 (A2x) has structure_id_path /1/20/12/121/, but its parent links give /1/10/12/121/"),
                e.getMessage());
    }

    @Test
    void malformedTreesAreRejectedNamingTheSource() {
        List<Structure> dup = new ArrayList<>(OntologyTestData.smallTree());
        dup.add(s(12, "Other", 20));
        assertMessage("t.json: structure id 12 (A2 and Other) appears more than once; ids must be unique", dup);

        List<Structure> missingParent = new ArrayList<>(OntologyTestData.smallTree());
        missingParent.add(s(30, "C", 3));
        assertMessage("t.json: 30 (C) has parent 3, which is not in the ontology", missingParent);

        List<Structure> twoRoots = new ArrayList<>(OntologyTestData.smallTree());
        twoRoots.add(s(2, "root2", Structure.NO_PARENT));
        assertMessage("t.json: has 2 structures without a parent (1 (root), 2 (root2)); an ontology needs exactly one root", twoRoots);

        List<Structure> cycle = new ArrayList<>(OntologyTestData.smallTree());
        cycle.add(s(40, "X", 42));
        cycle.add(s(41, "Y", 40));
        cycle.add(s(42, "Z", 41));
        assertMessage("t.json: the parent links form a cycle: 40 (X) → 42 (Z) → 41 (Y) → 40 (X) (each the parent of the one before)", cycle);

        List<Structure> selfParent = new ArrayList<>(OntologyTestData.smallTree());
        selfParent.add(s(50, "S", 50));
        assertMessage("t.json: the parent links form a cycle: 50 (S) → 50 (S)", selfParent);

        List<Structure> noRoot = List.of(s(1, "a", 2), s(2, "b", 1));
        assertMessage("t.json: has no root (every structure has a parent): 1 (a) → 2 (b) → 1 (a)", noRoot);

        assertMessage("t.json: contains no structures", List.of());

        List<Structure> badColour = List.of(new Structure(1, "r", "r", -1, -1, List.of(), "red"));
        assertMessage("t.json: 1 (r) has colour 'red', expected six hex digits such as FF7080", badColour);
    }

    private static void assertMessage(String expectedStart, List<Structure> structures) {
        InputException e = assertThrows(InputException.class, () -> Ontology.of("t.json", structures));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    void duplicateAcronymsAreAcceptedAndResolveToTheFirstInOrder() {
        List<Structure> list = new ArrayList<>(OntologyTestData.smallTree());
        list.add(s(22, "A1", 20));
        Ontology o = Ontology.of("dups", list);
        assertEquals(8, o.size());
        assertEquals(11, o.byAcronym("A1").orElseThrow().id());
        assertEquals(11, o.require("A1", "--regions").id());
    }

    @Test
    void nearMatchesForUnknownAcronyms() {
        Ontology o = OntologyRealDataTest.csv();
        InputException e = assertThrows(InputException.class, () -> o.require("SNC", "--regions"));
        assertTrue(e.getMessage().startsWith("parameter --regions: no region with acronym 'SNC' in the ontology "
                + OntologyRealDataTest.CSV + "; did you mean SNc, SNr, SNl, snp, SOC?"), e.getMessage());
        assertEquals(5, e.getMessage().replaceAll(".*did you mean ", "").split(", ").length, e.getMessage());

        e = assertThrows(InputException.class, () -> o.require("vta", "--regions"));
        assertTrue(e.getMessage().contains("did you mean VTA"), e.getMessage());

        // Both of the acronyms that differ only in case, first.
        assertEquals(List.of("CM", "cm"), o.nearMatches("Cm").subList(0, 2));
        // The CSV's "Mmme" is Allen's "MMme".
        assertEquals("Mmme", o.nearMatches("MMme").get(0));
        // A full name instead of the acronym.
        assertEquals("VTA", o.nearMatches("ventral tegmental area").get(0));

        e = assertThrows(InputException.class, () -> o.require("QQQQQQQQ", "--regions"));
        assertEquals("parameter --regions: no region with acronym 'QQQQQQQQ' in the ontology " + OntologyRealDataTest.CSV
                + ". Check the spelling; acronyms are case-sensitive (e.g. VTA, SNc) and listed in the ontology file", e.getMessage());

        e = assertThrows(InputException.class, () -> o.require(123456));
        assertTrue(e.getMessage().startsWith(OntologyRealDataTest.CSV + ": no structure with id 123456."), e.getMessage());
    }

    @Test
    void nearMatchesComeCaseFirstThenByEditDistanceThenByPrefix() {
        Ontology o = Ontology.of("greek", List.of(s(1, "root", -1), s(2, "Alpha", 1), s(3, "Alphabetical", 1), s(4, "alp", 1),
                s(5, "Beta", 1), s(6, "ALPHA", 1)));
        assertEquals(List.of("Alpha", "ALPHA", "alp", "Alphabetical"), o.nearMatches("alpha"));
        assertEquals(List.of("Alpha", "ALPHA", "alp", "Alphabetical"), o.nearMatches("ALPH"));
        assertEquals(List.of("Alpha", "ALPHA", "Alphabetical"), o.nearMatches("Alphab"), "a prefix after all within two edits");
        assertEquals(List.of("Beta"), o.nearMatches("bet"));
        assertEquals(List.of(), o.nearMatches("zzzzzz"));
    }

    @Test
    void levenshtein() {
        assertEquals(0, Ontology.levenshtein("snc", "snc", 2));
        assertEquals(1, Ontology.levenshtein("snc", "snr", 2));
        assertEquals(2, Ontology.levenshtein("vta", "v", 2));
        assertEquals(3, Ontology.levenshtein("vta", "xyzw", 2), "capped at max + 1");
        assertEquals(2, Ontology.levenshtein("kitten", "sittin", 5));
    }

    /** On random own values the O(n) roll-up equals a direct sum over each structure and its descendants. */
    @Test
    void rollUpEqualsTheSumOverDescendants() {
        Ontology o = OntologyRealDataTest.csv();
        Random random = new Random(42);
        Map<Integer, Double> own = new HashMap<>();
        Map<Integer, Long> counts = new HashMap<>();
        double total = 0;
        long totalCount = 0;
        for (Structure s : o.structures()) {
            if (random.nextInt(3) > 0) { // a third absent, counting 0
                double v = random.nextDouble() * 100;
                long c = random.nextInt(1000);
                own.put(s.id(), v);
                counts.put(s.id(), c);
                total += v;
                totalCount += c;
            }
        }
        Map<Integer, Double> rolled = o.rollUp(own);
        Map<Integer, Long> rolledCounts = o.rollUpCounts(counts);
        assertEquals(o.size(), rolled.size());
        assertEquals(ids(o.structures()), List.copyOf(rolled.keySet()), "in ontology order");
        for (Structure s : o.structures()) {
            double expected = own.getOrDefault(s.id(), 0.0);
            long expectedCount = counts.getOrDefault(s.id(), 0L);
            for (Structure d : o.descendants(s)) {
                expected += own.getOrDefault(d.id(), 0.0);
                expectedCount += counts.getOrDefault(d.id(), 0L);
            }
            assertEquals(expected, rolled.get(s.id()), 1e-9 * Math.max(1, expected), s.acronym());
            assertEquals(expectedCount, rolledCounts.get(s.id()), s.acronym());
        }
        assertEquals(total, rolled.get(997), 1e-6);
        assertEquals(totalCount, rolledCounts.get(997));
        Structure leaf = o.structures().stream().filter(o::isLeaf).findFirst().orElseThrow();
        assertEquals(own.getOrDefault(leaf.id(), 0.0), rolled.get(leaf.id()));
    }

    @Test
    void rollUpRejectsIdsOutsideTheOntology() {
        Ontology o = Ontology.of("small", OntologyTestData.smallTree());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.rollUp(Map.of(11, 1.0, 999, 2.0)));
        assertTrue(e.getMessage().contains("[999]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.rollUpCounts(Map.of(0, 5L)));
        assertEquals(Map.of(1, 3L, 10, 3L, 11, 1L, 12, 2L, 121, 2L, 20, 0L, 21, 0L), o.rollUpCounts(Map.of(11, 1L, 121, 2L)));
    }

    @Test
    void withNameKeepsTheTreeAndRenamesMessages() {
        Ontology o = Ontology.of("small", OntologyTestData.smallTree()).withName("demo atlas");
        assertEquals("demo atlas", o.name());
        assertEquals(7, o.size());
        InputException e = assertThrows(InputException.class, () -> o.require("Q", "--regions"));
        assertTrue(e.getMessage().contains("in the ontology demo atlas"), e.getMessage());
    }
}
