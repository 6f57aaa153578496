package org.knime.core.util;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Stand-in: KNIME's file utilities (org.knime.core, since 2.11). Only what the nodes use. */
public final class FileUtil {

    private FileUtil() {
    }

    /**
     * Resolves a URL backed by a local file, notably {@code knime://} URLs, to its path; null if it is not local.
     * Outside KNIME no {@code knime} URL handler exists, so such URLs cannot even be constructed.
     */
    public static Path resolveToPath(final URL url) throws IOException, URISyntaxException {
        throw new UnsupportedOperationException("KNIME API stand-in: not available outside KNIME");
    }
}
