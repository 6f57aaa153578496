package org.neuroatlas.core.atlas.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What a fetch did, file by file, for the summary a user reads.
 *
 * @param dest          the destination folder (absolute)
 * @param checksumsFile {@code DEST/checksums.sha256}, in {@code sha256sum} format, listing every fetched file
 * @param files         one entry per file, in catalogue order
 */
public record FetchReport(Path dest, Path checksumsFile, List<FetchedFile> files) {

    public FetchReport {
        files = List.copyOf(files);
    }

    /** What happened to a file in this run. */
    public enum Action {
        /** Fetched from the start in this run. */
        DOWNLOADED,
        /** Completed from bytes an earlier, interrupted run had fetched. */
        RESUMED,
        /** Already in the destination and verified; not fetched again. */
        ALREADY_PRESENT
    }

    /** How strongly a file was verified. */
    public enum Verification {
        /** Its SHA-256 equals the checksum pinned in the catalogue: exactly the publisher's bytes. */
        PINNED_SHA256,
        /** Its SHA-256 equals the one recorded in checksums.sha256 by an earlier run that had verified it. */
        RECORDED_SHA256,
        /** No checksum is known: size matched Content-Length (when sent) and the content check passed. */
        INTEGRITY_ONLY
    }

    /**
     * One file of the fetch.
     *
     * @param fileName     its name in the destination
     * @param url          where it was (or would have been) fetched from
     * @param path         its path in the destination
     * @param bytes        its size in bytes
     * @param sha256       its SHA-256 (64 lower-case hex digits), as written to checksums.sha256
     * @param action       what this run did
     * @param verification how it was verified
     * @param detail       what the verification found, e.g. "NRRD uint32 528×320×456, gzip payload complete (CRC ok)"
     */
    public record FetchedFile(String fileName, URI url, Path path, long bytes, String sha256, Action action, Verification verification,
            String detail) {
    }
}
