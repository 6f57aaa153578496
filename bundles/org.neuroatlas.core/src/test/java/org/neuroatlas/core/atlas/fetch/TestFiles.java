package org.neuroatlas.core.atlas.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.neuroatlas.core.Progress;

/** Helpers shared by the fetch tests. */
final class TestFiles {

    private TestFiles() {
    }

    /** SHA-256 computed independently of the code under test (whole file in memory; test files are small). */
    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Fetches the Allen files at {@code resolutionUm} from the loopback server into {@code dest}. */
    static FetchReport fetch(LoopbackAtlasServer server, int resolutionUm, Path dest) throws IOException {
        return fetch(new Downloader(), server, resolutionUm, dest, Progress.NONE);
    }

    static FetchReport fetch(Downloader downloader, LoopbackAtlasServer server, int resolutionUm, Path dest, Progress progress)
            throws IOException {
        return downloader.fetch(AtlasCatalog.ALLEN_CCF_2017.remoteFiles(resolutionUm, server.baseUrl(), server.ontologyUrl()), dest, progress);
    }

    static FetchReport.FetchedFile file(FetchReport report, String name) {
        return report.files().stream().filter(f -> f.fileName().equals(name)).findFirst().orElseThrow();
    }
}
