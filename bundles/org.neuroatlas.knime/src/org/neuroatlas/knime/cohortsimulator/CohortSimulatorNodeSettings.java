package org.neuroatlas.knime.cohortsimulator;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.knime.common.AtlasSettings;
import org.neuroatlas.knime.common.NodeSettingsSupport;

/**
 * Settings of the Cohort Simulator node: those of {@code neuroatlas simulate}, with the same defaults, plus the
 * output folder. Values are checked by building the engine's {@link SimulationSettings}, so the node and the CLI
 * accept and reject the same values with the same messages (which name the CLI parameter, e.g. --n-per-group).
 */
final class CohortSimulatorNodeSettings extends NodeSettingsSupport {

    private static final SimulationSettings DEFAULTS = SimulationSettings.defaults();

    final AtlasSettings atlas = new AtlasSettings(this);
    final SettingsModelString scenario = add(new SettingsModelString("scenario", DEFAULTS.scenario()), "Scenario");
    final SettingsModelInteger nPerGroup = add(new SettingsModelInteger("n_per_group", DEFAULTS.nPerGroup()), "Brains per group");
    final SettingsModelString voxelSizeUm = add(new SettingsModelString("voxel_size_um", DEFAULTS.voxelSizeUm().toString()), "Voxel size (µm)");
    final SettingsModelString orientation = add(new SettingsModelString("orientation", DEFAULTS.orientation().code()), "Orientation");
    final SettingsModelInteger seed = add(new SettingsModelInteger("seed", Math.toIntExact(DEFAULTS.seed())), "Seed");
    final SettingsModelString crop = add(new SettingsModelString("crop", DEFAULTS.crop()), "Crop");
    final SettingsModelDouble cellsScale = add(new SettingsModelDouble("cells_scale", DEFAULTS.cellsScale()), "Cells scale");
    final SettingsModelBoolean fibres = add(new SettingsModelBoolean("fibres", DEFAULTS.fibres()), "Fibres");
    /** 0 = all cores: a saved workflow then uses the cores of whichever machine runs it. */
    final SettingsModelIntegerBounded threads = add(new SettingsModelIntegerBounded("threads", 0, 0, 4096), "Threads");
    final SettingsModelString outputFolder = add(new SettingsModelString("output_folder", ""), "Output folder");

    @Override
    protected CohortSimulatorNodeSettings newInstance() {
        return new CohortSimulatorNodeSettings();
    }

    @Override
    public void check(boolean filesMustExist) throws InvalidSettingsException {
        atlas.check(filesMustExist);
        // An empty folder is reported in configure only: a saved node that was never configured must still load.
        if (filesMustExist || !outputFolder.getStringValue().isBlank()) {
            outputFolderValue();
        }
        checked(this::simulationSettings);
        if (filesMustExist) {
            if (Files.isRegularFile(outputFolderValue())) {
                throw new InvalidSettingsException("Output folder is a file: " + outputFolderValue());
            }
            // A missing scenario file fails here rather than after the node starts.
            checked(() -> Scenario.load(scenario.getStringValue()));
        }
    }

    /** The cohort folder (absolute: a relative one would depend on where KNIME was started). */
    Path outputFolderValue() throws InvalidSettingsException {
        String s = outputFolder.getStringValue().trim();
        if (s.isEmpty()) {
            throw new InvalidSettingsException("Choose the output folder for the cohort in the node dialog");
        }
        Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException("Output folder is not a valid path: " + s, e);
        }
        if (!p.isAbsolute()) {
            throw new InvalidSettingsException("Output folder must be an absolute path, not " + s);
        }
        return p;
    }

    /**
     * The engine settings these node settings stand for.
     *
     * @throws org.neuroatlas.core.InputException naming the CLI parameter of a bad value
     */
    SimulationSettings simulationSettings() {
        int t = threads.getIntValue();
        return new SimulationSettings(atlas.atlas.getStringValue().trim(), atlas.resolution(), scenario.getStringValue().trim(), nPerGroup.getIntValue(),
                VoxelSize.parse(voxelSizeUm.getStringValue(), "--voxel-size"), Orientation.parse(orientation.getStringValue(), "--orientation"),
                seed.getIntValue(), crop.getStringValue(), cellsScale.getDoubleValue(), fibres.getBooleanValue(),
                t == 0 ? Runtime.getRuntime().availableProcessors() : t);
    }
}
