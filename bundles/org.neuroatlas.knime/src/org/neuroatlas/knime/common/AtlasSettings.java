package org.neuroatlas.knime.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;

/** The atlas choice every atlas-using node shares: a folder or the built-in demo atlas, and a resolution. */
public final class AtlasSettings {

    /** Setting value for the built-in demo atlas. */
    public static final String DEMO = "demo";

    private static final String NO_ATLAS = "Choose an atlas folder, or type 'demo' for the built-in demo atlas";

    public final SettingsModelString atlas;
    public final SettingsModelDouble resolutionUm;

    public AtlasSettings(NodeSettingsSupport owner) {
        atlas = owner.add(new SettingsModelString("atlas", DEMO), "Atlas");
        resolutionUm = owner.add(new SettingsModelDouble("atlas_resolution_um", 0), "Atlas resolution (µm)");
    }

    /** The resolution asked for; empty for 0 (the finest the folder has, or the demo atlas's default). */
    public OptionalDouble resolution() {
        double r = resolutionUm.getDoubleValue();
        return r > 0 ? OptionalDouble.of(r) : OptionalDouble.empty();
    }

    public void check(boolean filesMustExist) throws InvalidSettingsException {
        String a = atlas.getStringValue().trim();
        if (a.isEmpty()) {
            throw new InvalidSettingsException(NO_ATLAS);
        }
        double r = resolutionUm.getDoubleValue();
        if (r < 0 || Double.isNaN(r) || Double.isInfinite(r)) {
            throw new InvalidSettingsException("Atlas resolution (µm) must be 0 (finest available) or positive, not " + r);
        }
        if (filesMustExist && !DEMO.equals(a)) {
            Path folder = KnimePaths.setting(a, "Atlas", NO_ATLAS);
            if (!Files.isDirectory(folder)) {
                throw new InvalidSettingsException("Atlas folder does not exist: " + folder);
            }
        }
    }

    /** {@link #DEMO}, or the atlas folder's absolute path (a knime:// URL resolved). */
    public String folderOrDemo() {
        String a = atlas.getStringValue().trim();
        return DEMO.equals(a) ? DEMO : KnimePaths.absolute(a, "Atlas", NO_ATLAS).toString();
    }

    /** Opens the atlas these settings name. */
    public Atlas open(Progress progress) {
        return Atlas.openOrDemo(folderOrDemo(), resolution(), progress);
    }
}
