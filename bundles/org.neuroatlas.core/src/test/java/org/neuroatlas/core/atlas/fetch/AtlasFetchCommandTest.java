package org.neuroatlas.core.atlas.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.cli.AtlasFetchCommand;

import picocli.CommandLine;

/** {@code atlas fetch} as a user meets it: output, exit codes, one-line errors, honest help. */
class AtlasFetchCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    /**
     * Runs the command as NeuroAtlasCli would once it is registered there: that CLI's handler turns an
     * InputException into "error: MESSAGE" and exit code 2; the same mapping is installed here.
     */
    static Result run(String... args) {
        CommandLine cl = new CommandLine(new AtlasFetchCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            throw ex;
        });
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void fetchesAndSummarisesHonestly() throws Exception {
        Path dest = dir.resolve("atlas");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            Result r = run("allen-ccf-2017", "--resolution", "100", "--dest", dest.toString(), "--base-url", server.baseUrl().toString(),
                    "--ontology-url", server.ontologyUrl().toString(), "--quiet");
            assertEquals(0, r.exit(), r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("allen-ccf-2017 at 100 µm in " + dest + ":"), r.out());
            assertTrue(r.out().contains("checked against a pinned SHA-256 (exactly the publisher's bytes): annotation_100.nrrd, average_template_100.nrrd"),
                    r.out());
            assertTrue(r.out().contains("checked for integrity only (no published checksum): structure_graph_1.json"), r.out());
            assertTrue(r.out().contains(dest.resolve("checksums.sha256").toString()), r.out());
            assertTrue(Files.isRegularFile(dest.resolve("annotation_100.nrrd")));

            Result again = run("allen-ccf-2017", "--resolution", "100", "--dest", dest.toString(), "--base-url", server.baseUrl().toString(),
                    "--ontology-url", server.ontologyUrl().toString(), "--quiet");
            assertEquals(0, again.exit(), again.err());
            assertEquals(3, again.out().lines().filter(l -> l.contains("already present")).count(), again.out());
        }
    }

    @Test
    void badInputEndsWithOneLineAndExitCode2() throws Exception {
        Path dest = dir.resolve("atlas");
        try (LoopbackAtlasServer server = LoopbackAtlasServer.allen()) {
            Result missing = run("allen-ccf-2017", "--resolution", "25", "--dest", dest.toString(), "--base-url", server.baseUrl().toString(),
                    "--ontology-url", server.ontologyUrl().toString(), "--quiet");
            assertEquals(2, missing.exit());
            assertTrue(missing.err().startsWith("error: " + server.url(LoopbackAtlasServer.templatePath("25")) + ": HTTP 404"), missing.err());
            assertTrue(missing.err().contains("--base-url"), missing.err());
            assertEquals(1, missing.err().strip().lines().count(), missing.err());
            assertFalse(Files.exists(dest));
        }
        Result resolution = run("allen-ccf-2017", "--resolution", "20", "--dest", dest.toString(), "--quiet");
        assertEquals(2, resolution.exit());
        assertEquals("error: parameter --resolution: allen-ccf-2017 has no 20 µm files. Use one of 10, 25, 50, 100 (µm)", resolution.err().strip());
        Result atlas = run("waxholm-rat", "--resolution", "25", "--dest", dest.toString());
        assertEquals(2, atlas.exit());
        assertTrue(atlas.err().contains("no atlas called 'waxholm-rat'"), atlas.err());
        Result url = run("allen-ccf-2017", "--resolution", "25", "--dest", dest.toString(), "--base-url", "download.alleninstitute.org");
        assertEquals(2, url.exit());
        assertTrue(url.err().startsWith("error: parameter --base-url:"), url.err());
        Result noDest = run("allen-ccf-2017", "--resolution", "25");
        assertEquals(2, noDest.exit(), "picocli's usage error");
        assertTrue(noDest.err().contains("--dest"), noDest.err());
    }

    @Test
    void helpSaysWhichFilesArePinnedAndWhichAreCheckedForIntegrityOnly() {
        CommandLine cl = new CommandLine(new AtlasFetchCommand());
        String help = cl.getUsageMessage();
        // The texts as written, before picocli wraps them to the terminal width.
        String pinnedSentence = String.join(" ", cl.getCommandSpec().usageMessage().description()) + " "
                + String.join(" ", cl.getCommandSpec().usageMessage().footer());
        for (AtlasFile f : AtlasCatalog.ALLEN_CCF_2017.allFiles()) {
            if (f.isPinned()) {
                assertTrue(pinnedSentence.contains(f.fileName()), f.fileName() + " missing from the help:\n" + help);
            }
        }
        // The pinned list in the help is exactly the catalogue's: no unpinned file named as pinned.
        assertTrue(pinnedSentence.contains("annotation_100.nrrd, annotation_50.nrrd and average_template_100.nrrd are checked against pinned SHA-256"),
                help);
        assertEquals(3, AtlasCatalog.ALLEN_CCF_2017.allFiles().stream().filter(AtlasFile::isPinned).count());
        assertTrue(pinnedSentence.contains("integrity only"), help);
        assertTrue(pinnedSentence.contains(AtlasCatalog.ALLEN_BASE_URL), help);
        assertTrue(pinnedSentence.contains("allen-ccf-2017"), help);
    }
}
