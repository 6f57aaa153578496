package org.neuroatlas.knime.cohortsimulator;

import java.nio.file.Files;
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
import org.neuroatlas.knime.common.KnimePaths;
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
        if (KnimePaths.checkable(outputFolder.getStringValue(), filesMustExist)) {
            outputFolderValue();
        }
        // The atlas as typed: a knime:// URL resolves only in a running workflow (see AtlasSettings.folderOrDemo).
        checked(() -> simulationSettings(atlas.atlas.getStringValue().trim()));
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
        return KnimePaths.setting(outputFolder.getStringValue(), "Output folder", "Choose the output folder for the cohort in the node dialog");
    }

    /**
     * The engine settings these node settings stand for.
     *
     * @throws org.neuroatlas.core.InputException naming the CLI parameter of a bad value
     */
    SimulationSettings simulationSettings() {
        return simulationSettings(atlas.folderOrDemo());
    }

    private SimulationSettings simulationSettings(String atlasFolderOrDemo) {
        int t = threads.getIntValue();
        return new SimulationSettings(atlasFolderOrDemo, atlas.resolution(), scenario.getStringValue().trim(), nPerGroup.getIntValue(),
                VoxelSize.parse(voxelSizeUm.getStringValue(), "--voxel-size"), Orientation.parse(orientation.getStringValue(), "--orientation"),
                seed.getIntValue(), crop.getStringValue(), cellsScale.getDoubleValue(), fibres.getBooleanValue(),
                t == 0 ? Runtime.getRuntime().availableProcessors() : t);
    }
}
