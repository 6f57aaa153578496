package org.neuroatlas.core.atlas.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Verifies one fetched file against the catalogue: the pinned SHA-256 if there is one, otherwise its content check.
 * Either way the file is read once and its SHA-256 comes out for {@code checksums.sha256}.
 */
final class FileVerifier {

    /**
     * A verified file.
     *
     * @param sha256 its SHA-256, 64 lower-case hex digits
     * @param bytes  its size in bytes
     * @param how    pinned checksum or integrity only
     * @param detail what was found, for the summary
     */
    record Verified(String sha256, long bytes, FetchReport.Verification how, String detail) {
    }

    private FileVerifier() {
    }

    /** @throws IntegrityException if the file is not the expected one; the message says what was expected and found */
    static Verified verify(Path file, AtlasFile expected) throws IOException, IntegrityException {
        long bytes = Files.size(file);
        if (expected.isPinned()) {
            String sha = ChecksumFile.sha256(file);
            if (!sha.equals(expected.sha256())) {
                String size = expected.expectedBytes() >= 0 && bytes != expected.expectedBytes()
                        ? String.format(Locale.ROOT, "; it has %,d bytes instead of %,d", bytes, expected.expectedBytes()) : "";
                throw new IntegrityException("its SHA-256 is " + sha + " but the pinned checksum of the publisher's file is " + expected.sha256()
                        + size);
            }
            return new Verified(sha, bytes, FetchReport.Verification.PINNED_SHA256, "SHA-256 matches the pinned checksum");
        }
        MessageDigest md = ChecksumFile.newDigest();
        String detail;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), md)) {
            detail = expected.check().check(in);
            // A check may stop before the last byte (e.g. after the gzip trailer); the checksum must cover all of them.
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new Verified(ChecksumFile.hex(md), bytes, FetchReport.Verification.INTEGRITY_ONLY, detail);
    }
}
