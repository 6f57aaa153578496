package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.neuroatlas.core.atlas.AtlasWriter;
import org.neuroatlas.core.atlas.fetch.AtlasCatalog;
import org.neuroatlas.core.atlas.fetch.AtlasRelease;
import org.neuroatlas.core.atlas.fetch.Downloader;
import org.neuroatlas.core.atlas.fetch.FetchReport;
import org.neuroatlas.core.atlas.fetch.FetchReport.FetchedFile;
import org.neuroatlas.core.atlas.fetch.FetchReport.Verification;
import org.neuroatlas.core.atlas.fetch.RemoteFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code neuroatlas atlas fetch ATLAS --resolution UM --dest DIR}: downloads an atlas release, resumably and
 * verified. All the work is in {@link Downloader}; this class parses options and prints the summary.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Download an atlas from its publisher into DIR. For " + AtlasCatalog.ALLEN_CCF_2017_NAME + " (Allen Mouse Brain CCFv3, "
                + "2017 annotation): annotation_UM.nrrd, average_template_UM.nrrd and the ontology structure_graph_1.json.",
            "Resumable: bytes go to the hidden folder .DIR.partial next to DIR; running the same command again continues where it stopped "
                    + "(HTTP range requests). Files appear in DIR only once every file is verified; files already in DIR and verified are "
                    + "not fetched again; other files in DIR are left alone.",
            "Verification: annotation_100.nrrd, annotation_50.nrrd and average_template_100.nrrd are checked against pinned SHA-256 "
                    + "checksums of Allen's files. The other files (all 10 and 25 µm files, average_template_50.nrrd, and the ontology, "
                    + "which Allen's API generates on request) have no known checksum and are checked for integrity only: the size matches "
                    + "the server's Content-Length, each NRRD has the expected type and size and a complete gzip payload (CRC ok), the "
                    + "ontology is complete JSON with a \"msg\" list. The SHA-256 of every file is written to DIR/checksums.sha256 "
                    + "(check later with: sha256sum -c checksums.sha256)."},
        footer = {"", "Default URLs (Allen Institute):", "  --base-url      " + AtlasCatalog.ALLEN_BASE_URL,
            "  --ontology-url  " + AtlasCatalog.ALLEN_ONTOLOGY_URL, "",
            "Atlas data © Allen Institute for Brain Science (CCFv3: Wang et al. 2020, Cell 181:936); see its terms of use and citation policy."},
        // The default URLs need 88 columns; picocli would break them at a dot in 80. The terminal's width wins where known.
        usageHelpWidth = 100, usageHelpAutoWidth = true)
public final class AtlasFetchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ATLAS", completionCandidates = AtlasNames.class,
            description = "The atlas to download: ${COMPLETION-CANDIDATES}.")
    String atlas;

    @Option(names = "--resolution", required = true, paramLabel = "UM", description = "Voxel size in µm: 10, 25, 50 or 100.")
    int resolutionUm;

    @Option(names = "--dest", required = true, paramLabel = "DIR", description = "Folder to download into (created if needed).")
    Path dest;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the atlas files are, e.g. a mirror: annotation/ccf_2017/ and average_template/ are below it (default: Allen's server, below).")
    String baseUrl;

    @Option(names = "--ontology-url", paramLabel = "URL", description = "Where the ontology JSON is (default: Allen's API, below).")
    String ontologyUrl;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AtlasRelease release = AtlasCatalog.release(atlas);
        URI base = baseUrl == null ? null : RemoteFile.parseUrl(baseUrl, "--base-url");
        URI ontology = ontologyUrl == null ? null : RemoteFile.parseUrl(ontologyUrl, "--ontology-url");
        List<RemoteFile> files = release.remoteFiles(resolutionUm, base, ontology);
        ConsoleProgress progress = ConsoleProgress.stderr("fetch", quiet);
        FetchReport report;
        try {
            report = new Downloader().fetch(files, dest, progress);
            // The folder says what it is, so that every result computed with it names the atlas and its version.
            AtlasWriter.writeIdentity(dest, release.identity()[0], release.identity()[1], release.title());
        } finally {
            progress.done();
        }
        print(release, report, spec.commandLine().getOut());
        return 0;
    }

    private void print(AtlasRelease release, FetchReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "%s at %d µm in %s:%n", release.name(), resolutionUm, report.dest());
        List<String> pinned = new ArrayList<>();
        List<String> integrity = new ArrayList<>();
        for (FetchedFile f : report.files()) {
            out.printf(Locale.ROOT, "  %-27s %-16s %10s  %s%n", f.fileName(), action(f.action()), InfoCommand.human(f.bytes()), f.detail());
            (f.verification() == Verification.PINNED_SHA256 ? pinned : integrity).add(f.fileName());
        }
        if (!pinned.isEmpty()) {
            out.printf("checked against a pinned SHA-256 (exactly the publisher's bytes): %s%n", String.join(", ", pinned));
        }
        if (!integrity.isEmpty()) {
            out.printf("checked for integrity only (no published checksum): %s%n", String.join(", ", integrity));
        }
        out.printf("SHA-256 of every file: %s (check later with: sha256sum -c %s, inside the folder)%n", report.checksumsFile(),
                report.checksumsFile().getFileName());
        out.flush();
    }

    private static String action(FetchReport.Action a) {
        return switch (a) {
            case DOWNLOADED -> "downloaded";
            case RESUMED -> "resumed";
            case ALREADY_PRESENT -> "already present";
        };
    }

    /** The atlas names for help and completion, from the catalogue. */
    static final class AtlasNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return AtlasCatalog.releases().stream().map(AtlasRelease::name).collect(Collectors.toList()).iterator();
        }
    }
}
