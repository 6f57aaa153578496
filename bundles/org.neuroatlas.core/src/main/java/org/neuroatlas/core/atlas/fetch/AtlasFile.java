package org.neuroatlas.core.atlas.fetch;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One downloadable file of an atlas release, as catalogue data: where it lives, what it is called locally and what
 * is known about its bytes.
 *
 * @param fileName      the name it gets in the destination folder, e.g. {@code annotation_25.nrrd}
 * @param source        which URL it is fetched from: relative to the release's base URL, or the ontology URL
 * @param relativeUrl   path below the base URL, e.g. {@code annotation/ccf_2017/annotation_25.nrrd} (no leading
 *                      slash); ignored for {@link Source#ONTOLOGY}
 * @param expectedBytes exact size in bytes if known, else {@code -1}
 * @param sha256        full SHA-256 of the exact bytes (64 lower-case hex digits) if pinned, else {@code null}; a
 *                      file with a pinned checksum is accepted only if it matches
 * @param check         the content check used when no checksum is pinned (a pinned checksum makes it redundant)
 */
public record AtlasFile(String fileName, Source source, String relativeUrl, long expectedBytes, String sha256, ContentCheck check) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** Where a file's URL comes from. */
    public enum Source {
        /** {@code <base URL>/<relativeUrl>}; the base URL is overridden with {@code --base-url}. */
        BASE("--base-url"),
        /** The ontology URL itself, overridden with {@code --ontology-url} (an API answer, not a static file). */
        ONTOLOGY("--ontology-url");

        private final String parameter;

        Source(String parameter) {
            this.parameter = parameter;
        }

        /** The setting that overrides this URL, named in error messages so that users know what to change. */
        public String parameter() {
            return parameter;
        }
    }

    public AtlasFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(check, "check");
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            // Names become paths in the user's folder: no traversal, no hidden files.
            throw new IllegalArgumentException("bad file name: " + fileName);
        }
        if (source == Source.BASE && (relativeUrl == null || relativeUrl.isEmpty() || relativeUrl.startsWith("/"))) {
            throw new IllegalArgumentException("a base-relative file needs a relative URL: " + fileName);
        }
        if (sha256 != null) {
            sha256 = sha256.toLowerCase(Locale.ROOT);
            if (!HEX64.matcher(sha256).matches()) {
                throw new IllegalArgumentException("not a SHA-256: " + sha256);
            }
        }
        if (expectedBytes < -1) {
            throw new IllegalArgumentException("expectedBytes must be -1 (unknown) or more: " + expectedBytes);
        }
    }

    /** A file below the base URL. */
    public static AtlasFile base(String relativeUrl, String fileName, long expectedBytes, String sha256, ContentCheck check) {
        return new AtlasFile(fileName, Source.BASE, relativeUrl, expectedBytes, sha256, check);
    }

    /** The ontology file, fetched from the ontology URL; never pinned because the API may change its answer. */
    public static AtlasFile ontology(String fileName, ContentCheck check) {
        return new AtlasFile(fileName, Source.ONTOLOGY, null, -1, null, check);
    }

    /** True if the exact bytes are known, so the file is checked against {@link #sha256()}. */
    public boolean isPinned() {
        return sha256 != null;
    }

    /** The pinned SHA-256, if any. */
    public Optional<String> pinnedSha256() {
        return Optional.ofNullable(sha256);
    }

    /** The exact size in bytes, if known. */
    public OptionalLong knownBytes() {
        return expectedBytes < 0 ? OptionalLong.empty() : OptionalLong.of(expectedBytes);
    }
}
