package org.neuroatlas.knime.common;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.util.FileUtil;
import org.neuroatlas.core.InputException;

/**
 * File and folder settings: an absolute local path, or a KNIME URL such as
 * {@code knime://knime.workflow/data/samples.csv}, which KNIME resolves to a local path (relative to the workflow's
 * folder) — so a workflow can carry its data and run wherever it is copied. Relative paths are refused: they would
 * depend on the folder KNIME was started from.
 */
public final class KnimePaths {

    private KnimePaths() {
    }

    /** Whether {@code value} is a KNIME URL ({@code knime://…}). */
    public static boolean isKnimeUrl(String value) {
        return value.trim().regionMatches(true, 0, "knime:", 0, 6);
    }

    /**
     * The local path a setting names.
     *
     * @param value     the setting's value
     * @param label     the setting's dialog label, for messages
     * @param whenEmpty what to tell the user when the setting is empty
     * @throws InputException naming the setting when the value is empty, relative, malformed or not local
     */
    public static Path absolute(String value, String label, String whenEmpty) {
        String s = value.trim();
        if (s.isEmpty()) {
            throw new InputException(whenEmpty);
        }
        Path p = isKnimeUrl(s) ? resolve(s, label) : parse(s, label);
        if (!p.isAbsolute()) {
            throw new InputException(label + " must be an absolute path or a knime:// URL (e.g. knime://knime.workflow/data), not " + s);
        }
        return p;
    }

    /**
     * Whether a path setting can be checked now: always in configure; while a saved workflow loads (validation) only
     * when it is set and not a KNIME URL — a node never configured must still load, and URLs resolve only in a
     * running workflow's context.
     */
    public static boolean checkable(String value, boolean configuring) {
        return configuring || !(value.isBlank() || isKnimeUrl(value));
    }

    /** {@link #absolute}, failing with KNIME's settings error (for configure and validation). */
    public static Path setting(String value, String label, String whenEmpty) throws InvalidSettingsException {
        try {
            return absolute(value, label, whenEmpty);
        } catch (InputException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private static Path parse(String s, String label) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new InputException(label + " is not a valid path: " + s, e);
        }
    }

    private static Path resolve(String url, String label) {
        Path p;
        try {
            p = FileUtil.resolveToPath(new URL(url));
        } catch (MalformedURLException | URISyntaxException e) {
            throw new InputException(label + " is not a URL KNIME can resolve: " + url + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InputException(label + " could not be resolved: " + url + " (" + e.getMessage() + ")", e);
        }
        if (p == null) {
            throw new InputException(label + " " + url + " is not on this machine's file system; NeuroAtlas reads and writes local files only");
        }
        return p;
    }
}
