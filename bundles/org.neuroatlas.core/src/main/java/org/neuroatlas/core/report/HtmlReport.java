package org.neuroatlas.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.AtlasIdentity;
import org.neuroatlas.core.io.AtomicFile;

/**
 * The analysis report: one self-contained HTML file (no external links, scripts or images; plots as inline SVG;
 * a few lines of inline JavaScript sort the table by a clicked column) with the dose-comparison table, the plots,
 * the parameters, the atlas identity, the software version and the SHA-256 of every input file. It carries no time
 * stamp, so the same inputs give the same bytes.
 *
 * <pre>{@code
 * HtmlReport.builder().title("Ketamine dose study").comparison(table)
 *         .figure("Volcano plot", Plots.volcano(table, contrast))
 *         .parameter("top", "8").atlas(atlas.identity(), atlas.description())
 *         .inputFile("comparison", csv).build().write(outDir.resolve("report.html"));
 * }</pre>
 */
public final class HtmlReport {

    private final String html;

    private HtmlReport(String html) {
        this.html = html;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The whole page. */
    public String html() {
        return html;
    }

    /** Writes the page to {@code file} (UTF-8) atomically: complete or not at all. */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, tmp -> Files.writeString(tmp, html, StandardCharsets.UTF_8));
    }

    /** An input file with its checksum. */
    record Input(String role, String path, String sha256, long bytes) {
    }

    /** Collects the report's parts; {@link #comparison} is required. */
    public static final class Builder {
        private String title = "NeuroAtlas report";
        private ComparisonTable comparison;
        private final List<Map.Entry<String, Figure>> figures = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private String atlasKey;
        private String atlasDescription;
        private String version = SoftwareVersion.current();
        private final List<Input> inputs = new ArrayList<>();

        private Builder() {
        }

        /** Page title and top heading. */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title);
            return this;
        }

        /** The dose-comparison table, shown whole (every column and row) and sortable. */
        public Builder comparison(ComparisonTable table) {
            this.comparison = Objects.requireNonNull(table);
            return this;
        }

        /** A plot with its heading, shown in the order added. */
        public Builder figure(String heading, Figure figure) {
            figures.add(Map.entry(heading, figure));
            return this;
        }

        /** One analysis parameter (shown in the order given; a repeated name replaces the value). */
        public Builder parameter(String name, String value) {
            parameters.put(name, String.valueOf(value));
            return this;
        }

        /** Analysis parameters, in the map's iteration order. */
        public Builder parameters(Map<String, String> values) {
            values.forEach(this::parameter);
            return this;
        }

        /** The atlas the results refer to. */
        public Builder atlas(AtlasIdentity identity, String description) {
            this.atlasKey = identity.key();
            this.atlasDescription = description;
            return this;
        }

        /** The atlas by its identity key alone (e.g. read from a results table's {@code atlas} column). */
        public Builder atlas(String identityKey) {
            this.atlasKey = identityKey;
            this.atlasDescription = null;
            return this;
        }

        /** Software version line; default {@link SoftwareVersion#current()}. */
        public Builder softwareVersion(String version) {
            this.version = Objects.requireNonNull(version);
            return this;
        }

        /**
         * An input file: reads it once for its SHA-256.
         *
         * @param role what it is, e.g. {@code comparison}, {@code values}, {@code samples}
         * @throws InputException if the file cannot be read
         */
        public Builder inputFile(String role, Path file) {
            return input(role, file.toString(), sha256(file), size(file));
        }

        /** An input known by name and checksum only (e.g. a KNIME table: pass its content hash, or "" if none). */
        public Builder input(String role, String name, String sha256, long bytes) {
            inputs.add(new Input(role, name, sha256, bytes));
            return this;
        }

        public HtmlReport build() {
            if (comparison == null) {
                throw new IllegalStateException("the report needs the comparison table");
            }
            return new HtmlReport(HtmlPage.render(title, comparison, figures, parameters, atlasKey, atlasDescription, version, inputs));
        }

        /** Builds and writes the report to {@code file} atomically. */
        public HtmlReport write(Path file) throws IOException {
            HtmlReport r = build();
            r.write(file);
            return r;
        }
    }

    /** SHA-256 of a file's bytes as 64 lower-case hex digits. @throws InputException if it cannot be read */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchFileException e) {
            throw InputException.file(file, "does not exist", "Check the path");
        } catch (IOException e) {
            throw InputException.file(file, "could not be read (" + e.getMessage() + ")", "Check that the file is readable", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
