package org.neuroatlas.core.atlas.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.atlas.fetch.FetchReport.Action;

/** Interrupted downloads continue where they stopped, with a range request, or start again if the server has no ranges. */
class DownloadResumeTest {

    private static final String ANNOTATION = LoopbackAtlasServer.annotationPath("100");
    private static final long CUT = 100_000;

    @TempDir
    Path dir;

    @Test
    void aDroppedConnectionIsResumedWithARangeRequest() throws Exception {
        Path dest = dir.resolve("allen");
        Path part = dir.resolve(".allen.partial/annotation_100.nrrd.part");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            server.dropNextAfter(ANNOTATION, CUT);
            InputException e = assertThrows(InputException.class, () -> TestFiles.fetch(server, 100, dest));
            assertTrue(e.getMessage().startsWith(server.url(ANNOTATION) + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("100,000 of 202,483 bytes") && e.getMessage().contains("run the same command again to resume"),
                    e.getMessage());
            assertEquals(CUT, Files.size(part), "the bytes received are kept outside DEST");
            assertFalse(Files.exists(dest), "nothing in DEST");

            FetchReport report = TestFiles.fetch(server, 100, dest);
            List<LoopbackAtlasServer.Request> requests = server.requests(ANNOTATION);
            assertEquals(2, requests.size());
            assertEquals("bytes=100000-", requests.get(1).range());
            assertEquals(206, requests.get(1).status());
            assertEquals(Action.RESUMED, TestFiles.file(report, "annotation_100.nrrd").action());
            assertEquals(TestFiles.sha256(SharedData.atlas("annotation_100.nrrd")), TestFiles.sha256(dest.resolve("annotation_100.nrrd")));
            assertFalse(Files.exists(dir.resolve(".allen.partial")));
        }
    }

    @Test
    void aServerWithoutRangesSendsTheWholeFileAgain() throws Exception {
        Path dest = dir.resolve("allen");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            server.honourRange(false);
            server.dropNextAfter(ANNOTATION, CUT);
            assertThrows(InputException.class, () -> TestFiles.fetch(server, 100, dest));

            FetchReport report = TestFiles.fetch(server, 100, dest);
            List<LoopbackAtlasServer.Request> requests = server.requests(ANNOTATION);
            assertEquals("bytes=100000-", requests.get(1).range(), "still asked to resume");
            assertEquals(200, requests.get(1).status(), "but got the whole file");
            assertEquals(Action.DOWNLOADED, TestFiles.file(report, "annotation_100.nrrd").action());
            assertEquals(TestFiles.sha256(SharedData.atlas("annotation_100.nrrd")), TestFiles.sha256(dest.resolve("annotation_100.nrrd")));
        }
    }

    @Test
    void aCanceledFetchKeepsVerifiedFilesOutsideDestForTheNextRun() throws Exception {
        Path dest = dir.resolve("allen");
        AtomicBoolean canceled = new AtomicBoolean();
        Progress cancelAfterFirstFile = new Progress() {
            @Override
            public void report(double fraction, String message) {
                if (message != null && message.startsWith("verifying annotation_100.nrrd")) {
                    canceled.set(true);
                }
            }

            @Override
            public boolean isCanceled() {
                return canceled.get();
            }
        };
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            assertThrows(CanceledException.class, () -> TestFiles.fetch(new Downloader(), server, 100, dest, cancelAfterFirstFile));
            assertFalse(Files.exists(dest));
            assertTrue(Files.isRegularFile(dir.resolve(".allen.partial/annotation_100.nrrd")));

            FetchReport report = TestFiles.fetch(server, 100, dest);
            assertEquals(1, server.requests(ANNOTATION).size(), "the verified file is not fetched again");
            assertEquals(Action.RESUMED, TestFiles.file(report, "annotation_100.nrrd").action());
            assertEquals(Action.DOWNLOADED, TestFiles.file(report, "structure_graph_1.json").action());
            assertTrue(Files.isRegularFile(dest.resolve("annotation_100.nrrd")));
        }
    }

    @Test
    void aPartialFileThatIsAlreadyCompleteIsNotSentAgain() throws Exception {
        // The ontology has no known size, so a complete .part is only recognised by the server's 416 answer.
        Path dest = dir.resolve("allen");
        Path partial = Files.createDirectories(dir.resolve(".allen.partial"));
        Files.copy(SharedData.atlas("ABA_annotation_last.json"), partial.resolve("structure_graph_1.json.part"));
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            FetchReport report = TestFiles.fetch(server, 100, dest);
            List<LoopbackAtlasServer.Request> requests = server.requests(LoopbackAtlasServer.ONTOLOGY);
            assertEquals(1, requests.size());
            assertEquals(416, requests.get(0).status());
            assertEquals(Action.RESUMED, TestFiles.file(report, "structure_graph_1.json").action());
            assertEquals(TestFiles.sha256(SharedData.atlas("ABA_annotation_last.json")), TestFiles.sha256(dest.resolve("structure_graph_1.json")));
        }
    }
}
