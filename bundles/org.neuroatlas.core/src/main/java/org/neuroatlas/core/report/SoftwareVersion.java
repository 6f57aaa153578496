package org.neuroatlas.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version, as Maven wrote it into the same {@code version.properties} that {@code neuroatlas --version} reads. */
public final class SoftwareVersion {

    private static final String RESOURCE = "/org/neuroatlas/core/cli/version.properties";

    private SoftwareVersion() {
    }

    /** e.g. {@code NeuroAtlas 0.1.0-SNAPSHOT}; {@code NeuroAtlas unknown} if the resource is missing (a bare class folder). */
    public static String current() {
        Properties p = new Properties();
        try (InputStream in = SoftwareVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // An unreadable resource only costs the version string; the report is still correct.
        }
        return "NeuroAtlas " + p.getProperty("version", "unknown");
    }
}
