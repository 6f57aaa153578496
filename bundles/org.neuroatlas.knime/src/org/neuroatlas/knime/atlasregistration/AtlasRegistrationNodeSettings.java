package org.neuroatlas.knime.atlasregistration;

import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.detect.run.DetectionOptions;
import org.neuroatlas.core.detect.run.VolumeRow;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.knime.common.AtlasSettings;
import org.neuroatlas.knime.common.KnimePaths;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.NodeSettingsSupport;

/**
 * Settings of the Atlas Registration node: which channel, the atlas, where the registration folders go, and the
 * options of {@code neuroatlas register} (same defaults).
 */
final class AtlasRegistrationNodeSettings extends NodeSettingsSupport {

    /** The built-in Java engine. */
    static final String BUILTIN = "builtin";
    /** elastix and transformix on the PATH of the machine that runs the workflow. */
    static final String ELASTIX = "elastix";

    final SettingsModelString channel = add(new SettingsModelString("channel", "autofluorescence"), "Channel");
    final AtlasSettings atlas = new AtlasSettings(this);
    final SettingsModelString outputFolder = add(new SettingsModelString("output_folder", ""), "Output folder");
    final SettingsModelString backend = add(new SettingsModelString("backend", BUILTIN), "Backend");
    /** Off by default: the non-rigid stage is what follows a real brain's shape; on = the CLI's --linear-only. */
    final SettingsModelBoolean linearOnly = add(new SettingsModelBoolean("linear_only", false), "Linear only");
    final SettingsModelBoolean normalise = add(new SettingsModelBoolean("normalise", true), "Normalise intensities");
    /** 0 = all cores: a saved workflow then uses the cores of whichever machine runs it. */
    final SettingsModelIntegerBounded threads = add(new SettingsModelIntegerBounded("threads", 0, 0, 4096), "Threads");

    @Override
    protected AtlasRegistrationNodeSettings newInstance() {
        return new AtlasRegistrationNodeSettings();
    }

    @Override
    public void check(boolean filesMustExist) throws InvalidSettingsException {
        if (channel.getStringValue().isBlank()) {
            throw new InvalidSettingsException("Give the channel to register, e.g. autofluorescence (the volume table's channel column)");
        }
        atlas.check(filesMustExist);
        String b = backend.getStringValue();
        if (!BUILTIN.equals(b) && !ELASTIX.equals(b)) {
            throw new InvalidSettingsException("Backend must be '" + BUILTIN + "' or '" + ELASTIX + "', not '" + b + "'");
        }
        if (KnimePaths.checkable(outputFolder.getStringValue(), filesMustExist)) {
            Path out = outputFolderValue();
            if (filesMustExist && Files.isRegularFile(out)) {
                throw new InvalidSettingsException("Output folder is a file: " + out);
            }
        }
        checked(this::registrationSettings);
    }

    /** Checks that the input table has the columns registration reads (at configure, before there are rows). */
    void checkInput(DataTableSpec volumeTable) throws InvalidSettingsException {
        checked(() -> VolumeRow.checkColumns(KnimeTables.header(AtlasRegistrationNodeModel.VOLUME_TABLE, volumeTable)));
    }

    String channelValue() {
        return channel.getStringValue().trim();
    }

    /** The folder the per-sample registration folders go into (absolute: a relative one would depend on where KNIME runs). */
    Path outputFolderValue() throws InvalidSettingsException {
        return KnimePaths.setting(outputFolder.getStringValue(), "Output folder", "Choose the output folder for the registration folders in the node dialog");
    }

    /**
     * The engine settings these node settings stand for.
     *
     * @throws org.neuroatlas.core.InputException naming the CLI parameter of a bad value
     */
    RegistrationRun.Settings registrationSettings() {
        return new RegistrationRun.Settings(DetectionOptions.threads(threads.getIntValue()), normalise.getBooleanValue(), linearOnly.getBooleanValue(),
                RegistrationRun.Backend.parse(backend.getStringValue(), "Backend"));
    }
}
