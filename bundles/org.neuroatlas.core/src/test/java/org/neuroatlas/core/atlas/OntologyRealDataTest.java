package org.neuroatlas.core.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.io.CsvTable;

/** The readers on the real Allen CCFv3 ontology files in shared/atlas (read in place, never copied). */
class OntologyRealDataTest {

    static final Path CSV = SharedData.atlas("structure_tree_safe_2017.csv");
    static final Path JSON = SharedData.atlas("ABA_annotation_last.json");

    private static Ontology csv;
    private static Ontology json;

    static synchronized Ontology csv() {
        if (csv == null) {
            csv = Ontology.read(CSV);
        }
        return csv;
    }

    static synchronized Ontology json() {
        if (json == null) {
            json = Ontology.read(JSON);
        }
        return json;
    }

    @Test
    void allenCsvHasTheCcfStructures() {
        Ontology o = csv();
        assertEquals(1327, o.size());
        assertEquals(997, o.root().id());
        assertEquals(0, o.root().depth());
        assertEquals("root", o.root().acronym());
        assertEquals(CSV.toString(), o.name());

        Structure vta = o.byAcronym("VTA").orElseThrow();
        assertEquals(749, vta.id());
        assertEquals("Ventral tegmental area", vta.name());
        assertEquals(vta, o.require(749));

        Structure hy = o.byId(1097).orElseThrow();
        assertEquals("HY", hy.acronym());
        assertEquals("Hypothalamus", hy.name());
        assertEquals(4, hy.depth());
        assertTrue(o.isAncestorOf(hy, o.byAcronym("PVH").orElseThrow()));
        assertFalse(o.isAncestorOf(hy, vta));
        assertEquals(10, o.maxDepth());
    }

    @Test
    void parentChainOfSNcMatchesTheFilesPathColumn() {
        Ontology o = csv();
        Structure snc = o.require(374);
        assertEquals("SNc", snc.acronym());
        List<Integer> chain = new ArrayList<>();
        for (Structure s = snc; s != null; s = o.parent(s).orElse(null)) {
            chain.add(0, s.id());
        }
        CsvTable t = CsvTable.read(CSV);
        String column = null;
        for (int r = 0; r < t.size(); r++) {
            if (t.get(r, "id").equals("374")) {
                column = t.get(r, "structure_id_path");
            }
        }
        assertEquals(column, toPathText(chain));
        assertEquals(chain.subList(0, chain.size() - 1), o.ancestors(snc).stream().map(Structure::id).toList());
        assertEquals(997, chain.get(0));
    }

    /** Depth and path rebuilt from parent links alone equal the file's own columns, for all 1,327 structures. */
    @Test
    void depthsAndPathsRecomputedFromParentsEqualTheFilesColumns() {
        CsvTable t = CsvTable.read(CSV);
        List<Structure> bare = new ArrayList<>();
        Map<Integer, String[]> columns = new HashMap<>();
        for (int r = 0; r < t.size(); r++) {
            int id = Integer.parseInt(t.get(r, "id"));
            String parent = t.get(r, "parent_structure_id");
            bare.add(new Structure(id, t.get(r, "acronym"), t.get(r, "name"), parent.isEmpty() ? Structure.NO_PARENT : Integer.parseInt(parent),
                    Ontology.UNKNOWN_DEPTH, List.of(), t.get(r, "color_hex_triplet")));
            columns.put(id, new String[] {t.get(r, "depth"), t.get(r, "structure_id_path"), t.get(r, "graph_order")});
        }
        Ontology rebuilt = Ontology.of("bare parent links", bare);
        assertEquals(1327, rebuilt.size());
        int position = 0;
        for (Structure s : rebuilt.structures()) {
            String[] c = columns.get(s.id());
            assertEquals(Integer.parseInt(c[0]), s.depth(), "depth of " + s.acronym());
            assertEquals(c[1], s.pathText(), "path of " + s.acronym());
            // The file lists structures in graph order, a depth-first order, so it is kept.
            assertEquals(Integer.parseInt(c[2]), position++, "graph order of " + s.acronym());
        }
        assertEquals(csv().structures(), rebuilt.structures());
    }

    @Test
    void clearMapJsonDropsItsWrapperAndMatchesTheCsv() {
        Ontology j = json();
        Ontology c = csv();
        assertEquals(1327, j.size(), "1,328 nodes minus the 'universe' wrapper");
        assertEquals(997, j.root().id());
        assertFalse(j.contains(0));
        assertEquals(ids(c), ids(j));
        for (Structure s : j.structures()) {
            Structure t = c.require(s.id());
            assertEquals(t.parentId(), s.parentId(), "parent of " + s.id());
            assertEquals(t.path(), s.path(), "path of " + s.id());
            assertEquals(t.colorHex(), s.colorHex(), "colour of " + s.id());
            // allenCCF's "safe" export only strips commas from names.
            assertEquals(t.name(), s.name().replace(",", ""), "name of " + s.id());
        }
        assertEquals(c.structures().stream().map(Structure::id).toList(), j.structures().stream().map(Structure::id).toList(),
                "both in graph order");

        Map<String, String> caseOnly = new TreeMap<>();
        List<String> commaOnly = new ArrayList<>();
        for (Structure s : j.structures()) {
            String safe = c.require(s.id()).acronym();
            String stripped = s.acronym().replace(",", "");
            if (!stripped.equals(safe)) {
                assertEquals(stripped.toLowerCase(Locale.ROOT), safe.toLowerCase(Locale.ROOT));
                caseOnly.put(s.acronym(), safe);
            } else if (!s.acronym().equals(safe)) {
                commaOnly.add(s.acronym());
            }
        }
        // The README says 4; the files have 5: the mammillary nucleus MMme and its four 2017 subdivisions.
        assertEquals(Map.of("MMme", "Mmme", "MMl", "Mml", "MMm", "Mmm", "MMp", "Mmp", "MMd", "Mmd"), caseOnly);
        assertEquals(Set.of("CUL4, 5", "CUL4, 5mo", "CUL4, 5pu", "CUL4, 5gr"), Set.copyOf(commaOnly));
    }

    @Test
    void everyLabelOfTheAnnotationVolumeIsInBothOntologies() {
        Set<Integer> labels = OntologyTestData.annotation100Labels();
        assertEquals(669, labels.size());
        List<Integer> missing = labels.stream().filter(l -> !csv().contains(l) || !json().contains(l)).toList();
        assertEquals(List.of(), missing);
        assertTrue(labels.contains(997), "Allen's annotation labels some voxels with the root itself");
    }

    @Test
    void caseSensitiveAcronymsThatDifferOnlyInCaseStayApart() {
        Ontology o = csv();
        assertEquals("Central medial nucleus of the thalamus", o.byAcronym("CM").orElseThrow().name());
        assertEquals("cranial nerves", o.byAcronym("cm").orElseThrow().name());
    }

    private static Set<Integer> ids(Ontology o) {
        return o.structures().stream().map(Structure::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String toPathText(List<Integer> ids) {
        return "/" + ids.stream().map(String::valueOf).collect(Collectors.joining("/")) + "/";
    }
}
