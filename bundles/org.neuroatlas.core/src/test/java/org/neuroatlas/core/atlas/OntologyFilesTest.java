package org.neuroatlas.core.atlas;

import org.neuroatlas.core.io.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;

/** Ontology file formats: BrainGlobe structures.json and Allen CSV writers, Allen JSON variants, and malformed files. */
class OntologyFilesTest {

    @TempDir
    Path temp;

    private Path write(String name, String text) throws IOException {
        Path p = temp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<Integer> ids(Ontology o) {
        return o.structures().stream().map(Structure::id).toList();
    }

    @Test
    void brainGlobeStructuresJsonRoundTrip() throws Exception {
        for (Ontology original : List.of(OntologyRealDataTest.csv(), OntologyRealDataTest.json())) {
            Path file = temp.resolve("atlas").resolve("structures.json");
            Ontology.writeBrainGlobeJson(original, file);
            Ontology back = Ontology.read(file);
            assertEquals(original.structures(), back.structures(), "write then read gives the same ontology");
            assertEquals(file.toString(), back.name());
            assertEquals(original.structures(), Ontology.readBrainGlobeJson(file).structures());

            // BrainGlobe's layout: a list of objects with exactly these keys, in this order.
            List<?> list = (List<?>) Json.parse(Files.readString(file));
            assertEquals(1327, list.size());
            Map<?, ?> vta = (Map<?, ?>) list.stream().filter(m -> ((Map<?, ?>) m).get("id").equals(749L)).findFirst().orElseThrow();
            assertEquals(List.of("acronym", "id", "name", "structure_id_path", "rgb_triplet"), List.copyOf(vta.keySet()));
            assertEquals("VTA", vta.get("acronym"));
            assertEquals(List.of(997L, 8L, 343L, 313L, 323L, 749L), vta.get("structure_id_path"));
            String hex = original.require(749).colorHex();
            assertEquals(List.of((long) Integer.parseInt(hex.substring(0, 2), 16), (long) Integer.parseInt(hex.substring(2, 4), 16),
                    (long) Integer.parseInt(hex.substring(4), 16)), vta.get("rgb_triplet"));
            try (Stream<Path> s = Files.list(file.getParent())) {
                assertEquals(List.of(file), s.toList(), "no temporary file left behind");
            }
        }
    }

    @Test
    void allenCsvWriterRoundTripKeepsCommasInNames() throws Exception {
        Ontology original = OntologyRealDataTest.json(); // Allen's names and acronyms, with commas
        Path file = temp.resolve("demo").resolve("structures.csv");
        Ontology.writeAllenCsv(original, file);
        Ontology back = Ontology.read(file);
        assertEquals(original.structures(), back.structures());
        assertEquals("CUL4, 5", back.require(1091).acronym());
        List<String> lines = Files.readAllLines(file);
        assertEquals("id,acronym,name,parent_structure_id,depth,structure_id_path,color_hex_triplet,graph_order", lines.get(0));
        assertEquals("997,root,root,,0,/997/,FFFFFF,0", lines.get(1));
        assertEquals("8,grey,Basic cell groups and regions,997,1,/997/8/,BFDAE3,1", lines.get(2));
    }

    @Test
    void scrambledBrainGlobeListGetsTheCanonicalOrder() throws Exception {
        Path file = write("structures.json", """
                [{"acronym": "B", "id": 20, "name": "Bee", "structure_id_path": [1, 20], "rgb_triplet": [0, 128, 255]},
                 {"acronym": "A1", "id": 11, "name": "A one", "structure_id_path": [1, 10, 11], "rgb_triplet": [1, 2, 3]},
                 {"acronym": "root", "id": 1, "name": "root", "structure_id_path": [1], "rgb_triplet": [255, 255, 255]},
                 {"acronym": "A", "id": 10, "name": "Ay", "structure_id_path": [1, 10], "extra": "ignored"}]
                """);
        Ontology o = Ontology.read(file);
        assertEquals(List.of(1, 10, 11, 20), ids(o));
        assertEquals("0080FF", o.require(20).colorHex());
        assertEquals("FFFFFF", o.require(10).colorHex(), "no rgb_triplet: white");
        assertEquals(2, o.require(11).depth());
        assertEquals(10, o.require(11).parentId());
    }

    @Test
    void allenJsonVariants() throws Exception {
        String nested = """
                {"id": 997, "acronym": "root", "name": "root", "color_hex_triplet": "ffffff", "graph_order": 0,
                 "parent_structure_id": null, "children": [
                   {"id": 8, "acronym": "grey", "name": "Grey", "color_hex_triplet": "BFDAE3", "graph_order": 1,
                    "parent_structure_id": 997, "children": [
                      {"id": 567, "acronym": "CH", "name": "Cerebrum", "color_hex_triplet": "B0F0FF", "graph_order": 3, "parent_structure_id": 8, "children": []},
                      {"id": 343, "acronym": "BS", "name": "Brain stem", "color_hex_triplet": "FF7080", "graph_order": 2, "children": []}]}]}
                """;
        Ontology bareTree = Ontology.read(write("tree.json", nested));
        assertEquals(List.of(997, 8, 343, 567), ids(bareTree), "sorted by graph_order");
        assertEquals("FFFFFF", bareTree.root().colorHex(), "colours upper-cased");
        assertEquals(ids(bareTree), ids(Ontology.read(write("list.json", "[" + nested + "]"))));
        assertEquals(ids(bareTree), ids(Ontology.read(write("envelope.json", "{\"success\": true, \"msg\": [" + nested + "]}"))));
        Ontology wrapped = Ontology.read(write("universe.json", "{\"success\": true, \"msg\": [{\"id\": 0, \"acronym\": \"universe\","
                + " \"name\": \"universe\", \"parent_structure_id\": null, \"children\": [" + nested + "]}]}"));
        assertEquals(ids(bareTree), ids(wrapped));

        // Flat, as the Allen API's structure queries return it; no graph_order, not depth-first: children by id.
        Ontology flat = Ontology.read(write("flat.json", """
                {"success": true, "msg": [
                  {"id": 567, "acronym": "CH", "name": "Cerebrum", "parent_structure_id": 8, "structure_id_path": "/997/8/567/"},
                  {"id": 997, "acronym": "root", "name": "root", "parent_structure_id": null},
                  {"id": 343, "acronym": "BS", "name": "Brain stem", "parent_structure_id": 8},
                  {"id": 8, "acronym": "grey", "name": "Grey", "parent_structure_id": 997}]}
                """));
        assertEquals(List.of(997, 8, 343, 567), ids(flat));
        assertEquals(List.of(997, 8, 567), flat.require(567).path());
    }

    @Test
    void malformedAllenJsonIsRejectedNamingTheFile() throws Exception {
        assertInput(write("a.json", "{\"success\": false, \"msg\": \"no such graph\"}"),
                "is an Allen API reply reporting failure (msg: no such graph)");
        assertInput(write("b.json", "{\"id\": 1, \"acronym\": \"r\", \"name\": \"r\", \"children\": [{\"id\": 2, \"acronym\": \"c\","
                + " \"name\": \"c\", \"parent_structure_id\": 3}]}"), "structure 2 is nested under structure 1 but its parent_structure_id is 3");
        assertInput(write("c.json", "{\"id\": \"x\", \"acronym\": \"r\", \"name\": \"r\"}"), "a top-level node has id \"x\", expected an integer");
        assertInput(write("d.json", "{\"id\": 1, \"name\": \"r\"}"), "structure 1 has no \"acronym\"");
        assertInput(write("e.json", "{\"id\": 1, \"acronym\": \"r\", \"name\": \"r\", \"color_hex_triplet\": \"#FFF\"}"),
                "structure 1 has color_hex_triplet \"#FFF\", expected six hex digits");
        assertInput(write("f.json", "{\"id\": 1, \"acronym\": \"r\", \"name\": \"r\", \"children\": {}}"),
                "structure 1: \"children\" is an object, expected an array");
        assertInput(write("g.json", "42"), "holds a number, expected an Allen structure graph");
        assertInput(write("h.json", "{\"id\": 1, \"acronym\": \"r\", \"name\": \"r\", \"children\": [\n  {\"id\": 2,,}]}"),
                "is not valid JSON (line 2, column 12: unexpected ','");
        // Tree errors from Ontology.of also start with the file.
        assertInput(write("i.json", "[{\"id\": 1, \"acronym\": \"r\", \"name\": \"r\"}, {\"id\": 2, \"acronym\": \"c\", \"name\": \"c\", "
                + "\"parent_structure_id\": 5}]"), "2 (c) has parent 5, which is not in the ontology");
    }

    @Test
    void malformedBrainGlobeJsonIsRejectedNamingTheFile() throws Exception {
        assertInput(write("a.json", "[{\"acronym\": \"r\", \"id\": 1, \"name\": \"r\", \"structure_id_path\": [1]},"
                + " {\"acronym\": \"c\", \"id\": 2, \"name\": \"c\", \"structure_id_path\": [1, 3]}]"),
                "structure #2 (id 2) has structure_id_path [1, 3], expected an array of ids from the root down to 2");
        assertInput(write("b.json", "[{\"acronym\": \"r\", \"id\": 1, \"name\": \"r\", \"structure_id_path\": [1], \"rgb_triplet\": [0, 0, 256]}]"),
                "structure #1 (id 1) has rgb_triplet [0, 0, 256], expected [r, g, b] with values 0-255");
        assertInput(write("c.json", "[{\"acronym\": \"r\", \"id\": 1, \"structure_id_path\": [1]}]"), "structure #1 (id 1) has no \"name\"");
        // A path contradicting the parents' paths.
        assertInput(write("d.json", "[{\"acronym\": \"r\", \"id\": 1, \"name\": \"r\", \"structure_id_path\": [1]},"
                + " {\"acronym\": \"a\", \"id\": 2, \"name\": \"a\", \"structure_id_path\": [1, 2]},"
                + " {\"acronym\": \"b\", \"id\": 3, \"name\": \"b\", \"structure_id_path\": [1, 2, 3]},"
                + " {\"acronym\": \"c\", \"id\": 4, \"name\": \"c\", \"structure_id_path\": [1, 4, 3, 4]}]"), "4 (c) has structure_id_path /1/4/3/4/, but its parent links give /1/2/3/4/");
        Path cycle = write("e.json", "[{\"acronym\": \"r\", \"id\": 1, \"name\": \"r\", \"structure_id_path\": [1]},"
                + " {\"acronym\": \"a\", \"id\": 2, \"name\": \"a\", \"structure_id_path\": [3, 2]},"
                + " {\"acronym\": \"b\", \"id\": 3, \"name\": \"b\", \"structure_id_path\": [2, 3]}]");
        assertInput(cycle, "the parent links form a cycle");
        assertInput(write("f.json", "[{\"acronym\": \"r\", \"id\": 1, \"name\": \"r\", \"structure_id_path\": [1]},"
                + " {\"acronym\": \"a\", \"id\": 1, \"name\": \"a\", \"structure_id_path\": [1]}]"), "structure id 1 (r and a) appears more than once");
    }

    @Test
    void malformedAllenCsvIsRejectedNamingTheFileAndLine() throws Exception {
        assertInput(write("a.csv", "id,acronym,name\n997,root,root\n"), "missing column(s) parent_structure_id");
        assertInput(write("b.csv", "id,acronym,name,parent_structure_id\n997,root,root,\n8,grey,Grey,nine\n"),
                "line 3, column parent_structure_id: 'nine' is not an integer");
        assertInput(write("c.csv", "id,acronym,name,parent_structure_id,structure_id_path\n997,root,root,,997\n"),
                "line 2, column structure_id_path: '997' is not a structure path");
        assertInput(write("d.csv", "id,acronym,name,parent_structure_id,depth\n997,root,root,,0\n8,grey,Grey,997,2\n"),
                "8 (grey) has depth 2, but its parent links put it at depth 1");
        assertInput(write("e.csv", "id,acronym,name,parent_structure_id\n"), "has a header but no structures");
        assertInput(write("f.csv", "id,acronym,name,parent_structure_id\n997,root,root,\n8,,Grey,997\n"), "line 3, column acronym: empty acronym");
        assertInput(write("g.csv", "id,acronym,name,parent_structure_id\n997,root,\"root\n"), "is not a readable CSV table");
        assertInput(write("h.csv", "id,acronym,name,parent_structure_id,color_hex_triplet\n997,root,root,,white\n"),
                "line 2, column color_hex_triplet: 'white' is not a colour");
        InputException e = assertThrows(InputException.class, () -> Ontology.read(temp.resolve("missing.csv")));
        assertEquals(temp.resolve("missing.csv") + ": does not exist. Check the path", e.getMessage());
    }

    @Test
    void formatIsRecognisedByContentWhenTheNameDoesNotTell() throws Exception {
        Path json = write("ontology.txt", "  [{\"acronym\": \"r\", \"id\": 1, \"name\": \"r\", \"structure_id_path\": [1]}]");
        assertEquals(1, Ontology.read(json).size());
        Path csv = write("ontology", "id,acronym,name,parent_structure_id\n1,r,r,\n");
        assertEquals(1, Ontology.read(csv).size());
    }

    private static void assertInput(Path file, String expectedProblem) {
        InputException e = assertThrows(InputException.class, () -> Ontology.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expectedProblem), e.getMessage());
    }
}
