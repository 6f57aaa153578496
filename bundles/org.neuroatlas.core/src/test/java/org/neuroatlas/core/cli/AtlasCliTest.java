package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.atlas.OntologyTable;
import org.neuroatlas.core.io.CsvTable;

class AtlasCliTest {

    @TempDir
    Path dir;

    @Test
    void infoChecksLabelsAgainstTheOntology() throws Exception {
        CliTest.Result r = CliTest.run("atlas", "info", SharedData.root().resolve("atlas").toString(), "--resolution", "50");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("allen_mouse_ccf@CCFv3-2017/50um#"), r.out());
        assertTrue(r.out().contains("264 × 160 × 228"), r.out());
        assertTrue(r.out().contains("every label of the annotation is in the ontology"), r.out());
        // An atlas whose ontology lacks labels of its annotation fails the check (exit 2), naming the labels.
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(SharedData.atlas("annotation_100.nrrd"), broken.resolve("annotation_100.nrrd"));
        List<String> csv = Files.readAllLines(SharedData.atlas("structure_tree_safe_2017.csv"));
        Files.write(broken.resolve("structures.csv"), csv.stream().filter(l -> !l.startsWith("749,")).toList()); // drop VTA
        CliTest.Result bad = CliTest.run("atlas", "info", broken.toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.err().contains("749"), bad.err());
    }

    @Test
    void ontologyWritesTheNodesTableAndDemoWritesAnAtlasFolderThatReadsBack() throws Exception {
        Path csv = dir.resolve("major.csv");
        CliTest.Result r = CliTest.run("atlas", "ontology", "demo", "--level", "major", "--out", csv.toString());
        assertEquals(0, r.exit(), r.err());
        CsvTable t = CsvTable.read(csv);
        assertEquals(List.of(OntologyTable.SCHEMA.names()), t.header());
        assertEquals(12, t.size());
        assertTrue(t.get(0, "atlas").startsWith("neuroatlas-demo@1/100um#"), t.get(0, "atlas"));

        Path folder = dir.resolve("demo-atlas");
        CliTest.Result d = CliTest.run("atlas", "demo", "--dest", folder.toString(), "--resolution", "100");
        assertEquals(0, d.exit(), d.err());
        assertTrue(Files.isRegularFile(folder.resolve("annotation_100.nrrd")));
        CliTest.Result info = CliTest.run("atlas", "info", folder.toString());
        assertEquals(0, info.exit(), info.err());
        String key = d.out().substring(d.out().indexOf("neuroatlas-demo@")).trim();
        assertTrue(info.out().contains(key), "the folder reads back as the same atlas: " + key + "\n" + info.out());

        CliTest.Result level = CliTest.run("atlas", "ontology", "demo", "--level", "VTA,SNC", "--out", dir.resolve("x.csv").toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, level.exit());
        assertTrue(level.err().contains("SNc"), level.err());
    }
}
