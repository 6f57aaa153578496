package org.neuroatlas.core.atlas.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.atlas.fetch.FetchReport.Action;
import org.neuroatlas.core.atlas.fetch.FetchReport.Verification;

/** A whole fetch against the loopback server: files land verified, a second run fetches nothing. */
class FetchEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void fetches100UmVerifiedThenSkipsEverythingOnTheSecondRun() throws Exception {
        Path dest = dir.resolve("allen");
        Files.createDirectories(dest);
        Path unrelated = Files.writeString(dest.resolve("notes.txt"), "mine");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            FetchReport first = TestFiles.fetch(server, 100, dest);

            List<String> names = first.files().stream().map(FetchReport.FetchedFile::fileName).toList();
            assertEquals(List.of("annotation_100.nrrd", "average_template_100.nrrd", "structure_graph_1.json"), names);
            assertEquals(TestFiles.sha256(SharedData.atlas("annotation_100.nrrd")), TestFiles.sha256(dest.resolve("annotation_100.nrrd")));
            assertEquals("451e6a82f531d3db4b58056d024d3e2311703c2adc15cefa75e0268e7f0e69a4", TestFiles.sha256(dest.resolve("annotation_100.nrrd")));
            assertEquals(TestFiles.sha256(SharedData.atlas("average_template_100.nrrd")), TestFiles.sha256(dest.resolve("average_template_100.nrrd")));
            assertEquals(TestFiles.sha256(SharedData.atlas("ABA_annotation_last.json")), TestFiles.sha256(dest.resolve("structure_graph_1.json")));
            assertEquals(Verification.PINNED_SHA256, TestFiles.file(first, "annotation_100.nrrd").verification());
            assertEquals(Verification.PINNED_SHA256, TestFiles.file(first, "average_template_100.nrrd").verification());
            FetchReport.FetchedFile ontology = TestFiles.file(first, "structure_graph_1.json");
            assertEquals(Verification.INTEGRITY_ONLY, ontology.verification());
            assertTrue(ontology.detail().contains("Content-Length") && ontology.detail().contains("\"msg\" list"), ontology.detail());
            first.files().forEach(f -> assertEquals(Action.DOWNLOADED, f.action()));

            // checksums.sha256 in sha256sum format, one line per file, matching the files.
            List<String> expected = new ArrayList<>();
            for (String n : names) {
                expected.add(TestFiles.sha256(dest.resolve(n)) + "  " + n);
            }
            assertEquals(expected, Files.readAllLines(dest.resolve("checksums.sha256")));
            assertFalse(Files.exists(dir.resolve(".allen.partial")), "no partial folder left");
            assertEquals("mine", Files.readString(unrelated));
            long checksumsModified = Files.getLastModifiedTime(dest.resolve("checksums.sha256")).toMillis();

            int requests = server.requests().size();
            FetchReport second = TestFiles.fetch(server, 100, dest);
            assertEquals(requests, server.requests().size(), "no new requests: " + server.requests());
            second.files().forEach(f -> assertEquals(Action.ALREADY_PRESENT, f.action()));
            assertEquals(Verification.PINNED_SHA256, TestFiles.file(second, "annotation_100.nrrd").verification());
            assertEquals(Verification.RECORDED_SHA256, TestFiles.file(second, "structure_graph_1.json").verification());
            assertEquals(expected, Files.readAllLines(dest.resolve("checksums.sha256")));
            assertEquals(checksumsModified, Files.getLastModifiedTime(dest.resolve("checksums.sha256")).toMillis());
            assertFalse(Files.exists(dir.resolve(".allen.partial")));
        }
    }

    @Test
    void aChangedFileInDestIsFetchedAgainAndReplaced() throws Exception {
        Path dest = dir.resolve("allen");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            TestFiles.fetch(server, 100, dest);
            // An unpinned file edited after the fetch no longer matches checksums.sha256: it is fetched and replaced.
            Files.writeString(dest.resolve("structure_graph_1.json"), "{\"msg\": []}");
            int before = server.requests(LoopbackAtlasServer.ONTOLOGY).size();
            FetchReport again = TestFiles.fetch(server, 100, dest);
            assertEquals(before + 1, server.requests(LoopbackAtlasServer.ONTOLOGY).size());
            FetchReport.FetchedFile ontology = TestFiles.file(again, "structure_graph_1.json");
            assertEquals(Action.DOWNLOADED, ontology.action());
            assertTrue(ontology.detail().contains("replaces"), ontology.detail());
            assertEquals(TestFiles.sha256(SharedData.atlas("ABA_annotation_last.json")), TestFiles.sha256(dest.resolve("structure_graph_1.json")));
            assertEquals(Action.ALREADY_PRESENT, TestFiles.file(again, "annotation_100.nrrd").action());
        }
    }

    @Test
    void anotherFetchesPartialBytesAreLeftForItsNextRun() throws Exception {
        Path dest = dir.resolve("allen");
        Path partial = Files.createDirectories(dir.resolve(".allen.partial"));
        Path other = Files.writeString(partial.resolve("annotation_10.nrrd.part"), "first bytes of an interrupted 10 µm fetch");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            TestFiles.fetch(server, 100, dest);
        }
        assertTrue(Files.isRegularFile(other));
        try (var left = Files.list(partial)) {
            assertEquals(List.of(other), left.toList(), "only the other fetch's file stays");
        }
    }
}
