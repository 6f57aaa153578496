package org.neuroatlas.knime.axondensity;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.density.fibre.AxonDensityRun;
import org.neuroatlas.core.density.fibre.FibreSettings;
import org.neuroatlas.core.detect.run.DetectionOptions;
import org.neuroatlas.core.detect.run.VolumeRow;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.knime.common.AtlasSettings;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.NodeSettingsSupport;

/**
 * Settings of the Axon Density node: which channel, the atlas the samples were registered to, and the options of
 * the CLI's {@code axons} (same defaults, parsed by the same engine code; errors name the CLI parameter).
 */
final class AxonDensityNodeSettings extends NodeSettingsSupport {

    private static final FibreSettings DEFAULTS = FibreSettings.defaults();

    final SettingsModelString channel = add(new SettingsModelString("channel", SampleSheet.SIGNAL), "Channel");
    final AtlasSettings atlas = new AtlasSettings(this);
    final SettingsModelString threshold = add(new SettingsModelString("threshold", AxonDensityRun.DEFAULT_THRESHOLD), "Threshold");
    final SettingsModelDouble fibreDiameterMinUm = add(new SettingsModelDouble("fibre_diameter_min_um", DEFAULTS.diameterMinUm()),
            "Min fibre diameter (µm)");
    final SettingsModelDouble fibreDiameterMaxUm = add(new SettingsModelDouble("fibre_diameter_max_um", DEFAULTS.diameterMaxUm()),
            "Max fibre diameter (µm)");
    final SettingsModelDouble widthFraction = add(new SettingsModelDouble("width_fraction", FibreSettings.DEFAULT_WIDTH_FRACTION), "Width fraction");
    final SettingsModelDouble cellDiameterUm = add(new SettingsModelDouble("cell_diameter_um", AxonDensityRun.DEFAULT_CELL_DIAMETER_UM),
            "Cell diameter (µm)");
    /** 0 = all cores: a saved workflow then uses the cores of whichever machine runs it. */
    final SettingsModelIntegerBounded threads = add(new SettingsModelIntegerBounded("threads", 0, 0, 1024), "Threads");
    final SettingsModelString chunkVoxels = add(new SettingsModelString("chunk_voxels", AxonDensityRun.DEFAULT_CHUNK_VOXELS), "Chunk (voxels)");

    @Override
    protected AxonDensityNodeSettings newInstance() {
        return new AxonDensityNodeSettings();
    }

    @Override
    public void check(boolean filesMustExist) throws InvalidSettingsException {
        if (channel.getStringValue().isBlank()) {
            throw new InvalidSettingsException("Give the channel to measure fibres in, e.g. signal (the volume table's channel column)");
        }
        atlas.check(filesMustExist);
        checked(this::fibreSettings);
    }

    String channelValue() {
        return channel.getStringValue().trim();
    }

    /**
     * The engine settings these node settings stand for.
     *
     * @throws org.neuroatlas.core.InputException naming the CLI parameter of a bad value
     */
    FibreSettings fibreSettings() {
        return new FibreSettings(fibreDiameterMinUm.getDoubleValue(), fibreDiameterMaxUm.getDoubleValue(), AxonDensityRun.threshold(threshold.getStringValue()),
                widthFraction.getDoubleValue(), cellDiameterUm.getDoubleValue(), DetectionOptions.threads(threads.getIntValue()),
                DetectionOptions.parseChunkVoxels(chunkVoxels.getStringValue()));
    }

    /** Checks that the input tables have the columns the node reads (at configure, before there are rows); {@code cells} may be null. */
    static void checkInputs(DataTableSpec volumes, DataTableSpec registrations, DataTableSpec cells) throws InvalidSettingsException {
        checked(() -> VolumeRow.checkColumns(KnimeTables.header(AxonDensityNodeModel.VOLUME_TABLE, volumes)));
        checked(() -> KnimeTables.header(AxonDensityNodeModel.REGISTRATION_TABLE, registrations).requireColumns(MappingRun.SAMPLE_ID,
                MappingRun.TRANSFORM_DIR));
        if (cells != null) {
            checked(() -> KnimeTables.header(AxonDensityNodeModel.CELLS_TABLE, cells).requireColumns(MappingRun.SAMPLE_ID, CellPositions.X,
                    CellPositions.Y, CellPositions.Z));
        }
    }
}
