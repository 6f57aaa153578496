package org.neuroatlas.core.atlas.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.SharedData;

/** Bad bytes, bad servers and unusable folders end in one clear message, and nothing reaches DEST. */
class FetchCorruptionTest {

    private static final String PINNED_ANNOTATION_100 = "451e6a82f531d3db4b58056d024d3e2311703c2adc15cefa75e0268e7f0e69a4";

    @TempDir
    Path dir;

    @Test
    void aFlippedByteInAPinnedFileNamesTheFileAndBothChecksums() throws Exception {
        Path dest = dir.resolve("allen");
        byte[] bytes = Files.readAllBytes(SharedData.atlas("annotation_100.nrrd"));
        bytes[5_000] ^= (byte) 0xFF;
        String damaged = TestFiles.sha256(bytes);
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            server.flipByte(LoopbackAtlasServer.annotationPath("100"), 5_000);
            InputException e = assertThrows(InputException.class, () -> TestFiles.fetch(server, 100, dest));
            String m = e.getMessage();
            assertTrue(m.startsWith("annotation_100.nrrd (from " + server.url(LoopbackAtlasServer.annotationPath("100")) + "): "), m);
            assertTrue(m.contains("SHA-256 is " + damaged) && m.contains(PINNED_ANNOTATION_100), m);
            assertTrue(m.contains("deleted") && m.contains("nothing was written to " + dest), m);
            assertFalse(Files.exists(dest));
            assertFalse(Files.exists(dir.resolve(".allen.partial/annotation_100.nrrd.part")), "bad partial file deleted");
            assertFalse(Files.exists(dir.resolve(".allen.partial/annotation_100.nrrd")));
        }
    }

    @Test
    void aTruncatedGzipPayloadFailsTheIntegrityCheckOfAnUnpinnedFile() throws Exception {
        // The server announces the truncated length, so only the content check can notice.
        Path dest = dir.resolve("allen");
        String path = LoopbackAtlasServer.annotationPath("25");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            server.truncate(path, Files.size(SharedData.atlas("annotation_25.nrrd")) - 1_000);
            InputException e = assertThrows(InputException.class, () -> TestFiles.fetch(server, 25, dest));
            String m = e.getMessage();
            assertTrue(m.startsWith("annotation_25.nrrd (from " + server.url(path) + "): the gzip payload ends early"), m);
            assertTrue(m.contains("of 308,183,040 decompressed bytes: the file is truncated"), m);
            assertFalse(Files.exists(dest));
            assertFalse(Files.exists(dir.resolve(".allen.partial/annotation_25.nrrd.part")));
        }
    }

    @Test
    void aFileOfTheWrongResolutionFailsTheIntegrityCheck() throws Exception {
        Path dest = dir.resolve("allen");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            server.serve(LoopbackAtlasServer.templatePath("25"), SharedData.atlas("average_template_100.nrrd"));
            InputException e = assertThrows(InputException.class, () -> TestFiles.fetch(server, 25, dest));
            assertTrue(e.getMessage().startsWith("average_template_25.nrrd (from "), e.getMessage());
            assertTrue(e.getMessage().contains("NRRD sizes are 132 80 114; expected 528 320 456"), e.getMessage());
            assertFalse(Files.exists(dest));
            // The annotation before it was verified and waits outside DEST for the next run.
            assertTrue(Files.isRegularFile(dir.resolve(".allen.partial/annotation_25.nrrd")));
        }
    }

    @Test
    void aMissingFileIsAn404NamingTheUrlAndTheOption() throws Exception {
        Path dest = dir.resolve("allen");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            InputException e = assertThrows(InputException.class, () -> TestFiles.fetch(server, 25, dest));
            URI url = server.url(LoopbackAtlasServer.templatePath("25"));
            assertTrue(e.getMessage().startsWith(url + ": HTTP 404"), e.getMessage());
            assertTrue(e.getMessage().contains("--base-url"), e.getMessage());
            assertFalse(Files.exists(dest));
        }
    }

    @Test
    void anOntologyApiErrorIsReportedWithItsMessage() throws Exception {
        Path dest = dir.resolve("allen");
        Path error = Files.writeString(dir.resolve("error.json"), "{\"success\": false, \"id\": -1, \"msg\": \"Database unavailable\"}");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            server.serve(LoopbackAtlasServer.ONTOLOGY, error);
            InputException e = assertThrows(InputException.class, () -> TestFiles.fetch(server, 100, dest));
            assertTrue(e.getMessage().startsWith("structure_graph_1.json (from " + server.ontologyUrl() + "): the ontology API answered with an "
                    + "error: Database unavailable"), e.getMessage());
            assertTrue(e.getMessage().contains("--ontology-url"), e.getMessage());
            assertFalse(Files.exists(dest));
        }
    }

    @Test
    void aStalledServerTimesOutNamingTheUrl() throws Exception {
        Path dest = dir.resolve("allen");
        String path = LoopbackAtlasServer.annotationPath("100");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            server.stallAfter(path, 50_000);
            Downloader impatient = new Downloader(Duration.ofSeconds(1), Duration.ofSeconds(1));
            InputException e = assertThrows(InputException.class, () -> TestFiles.fetch(impatient, server, 100, dest, Progress.NONE));
            assertTrue(e.getMessage().startsWith(server.url(path) + ": the server sent nothing for 1 s (read timeout) after 50,000 of 202,483 bytes"),
                    e.getMessage());
            assertEquals(50_000, Files.size(dir.resolve(".allen.partial/annotation_100.nrrd.part")));
        }
    }

    @Test
    void aRefusedConnectionNamesTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port + "/mouse_ccf");
        List<RemoteFile> files = AtlasCatalog.ALLEN_CCF_2017.remoteFiles(100, base, null);
        InputException e = assertThrows(InputException.class, () -> new Downloader().fetch(files, dir.resolve("allen"), Progress.NONE));
        assertTrue(e.getMessage().startsWith(base + "/annotation/ccf_2017/annotation_100.nrrd: cannot connect"), e.getMessage());
        assertTrue(e.getMessage().contains("--base-url"), e.getMessage());
    }

    @Test
    void unusableFoldersAreInputErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            InputException notFolder = assertThrows(InputException.class, () -> TestFiles.fetch(server, 100, file));
            assertEquals(file + ": exists and is not a folder. Give a folder to download into", notFolder.getMessage());
            InputException unwritable = assertThrows(InputException.class, () -> TestFiles.fetch(server, 100, file.resolve("allen")));
            assertTrue(unwritable.getMessage().startsWith("cannot write the download into " + file.resolve("allen")), unwritable.getMessage());
            assertTrue(server.requests().isEmpty(), "nothing fetched that could not be kept");
        }
    }
}
