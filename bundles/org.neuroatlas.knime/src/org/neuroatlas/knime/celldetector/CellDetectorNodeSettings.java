package org.neuroatlas.knime.celldetector;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.Threshold;
import org.neuroatlas.core.detect.run.DetectionOptions;
import org.neuroatlas.core.detect.run.VolumeRow;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.NodeSettingsSupport;

/**
 * Settings of the Cell Detector node: which channel, and the detector's options as the CLI's {@code detect} has
 * them (same defaults; errors name the CLI parameter).
 */
final class CellDetectorNodeSettings extends NodeSettingsSupport {

    static final String AUTO = "auto";
    static final String ABSOLUTE = "absolute";
    private static final DetectionSettings DEFAULTS = DetectionSettings.defaults();

    final SettingsModelString channel = add(new SettingsModelString("channel", SampleSheet.SIGNAL), "Channel");
    final SettingsModelDouble cellDiameterUm = add(new SettingsModelDouble("cell_diameter_um", DEFAULTS.cellDiameterUm()), "Cell diameter (µm)");
    final SettingsModelString thresholdMode = add(new SettingsModelString("threshold_mode", AUTO), "Threshold mode");
    final SettingsModelDouble thresholdValue = add(new SettingsModelDouble("threshold_value", DEFAULTS.threshold().value()), "Threshold value");
    /** Empty = half the cell diameter: any number, 0 included, is a valid separation. */
    final SettingsModelString minSeparationUm = add(new SettingsModelString("min_separation_um", ""), "Min separation (µm)");
    final SettingsModelDouble minVolumeUm3 = add(new SettingsModelDouble("min_volume_um3", DEFAULTS.minVolumeUm3()), "Min volume (µm³)");
    /** 0 = no limit (a maximum of 0 would drop every cell). */
    final SettingsModelDouble maxVolumeUm3 = add(new SettingsModelDouble("max_volume_um3", 0), "Max volume (µm³)");
    final SettingsModelDouble minPeakAboveBackground = add(new SettingsModelDouble("min_peak_above_background", DEFAULTS.minPeakAboveBackground()),
            "Min peak above background");
    final SettingsModelDouble segmentationFraction = add(new SettingsModelDouble("segmentation_fraction", DEFAULTS.segmentationFraction()),
            "Segmentation fraction");
    /** 0 = all cores: a saved workflow then uses the cores of whichever machine runs it. */
    final SettingsModelIntegerBounded threads = add(new SettingsModelIntegerBounded("threads", 0, 0, 1024), "Threads");
    final SettingsModelString chunkVoxels = add(new SettingsModelString("chunk_voxels", DetectionOptions.DEFAULT_CHUNK_VOXELS), "Chunk (voxels)");

    @Override
    protected CellDetectorNodeSettings newInstance() {
        return new CellDetectorNodeSettings();
    }

    @Override
    public void check(boolean filesMustExist) throws InvalidSettingsException {
        if (channel.getStringValue().isBlank()) {
            throw new InvalidSettingsException("Give the channel to detect cells in, e.g. signal (the volume table's channel column)");
        }
        String mode = thresholdMode.getStringValue();
        if (!AUTO.equals(mode) && !ABSOLUTE.equals(mode)) {
            throw new InvalidSettingsException("Threshold mode must be '" + AUTO + "' or '" + ABSOLUTE + "', not '" + mode + "'");
        }
        checked(this::detectionSettings);
    }

    /** Checks that the input table has the columns detection reads (at configure, before there are rows). */
    void checkInput(DataTableSpec volumeTable) throws InvalidSettingsException {
        checked(() -> VolumeRow.checkColumns(KnimeTables.header(CellDetectorNodeModel.VOLUME_TABLE, volumeTable)));
    }

    String channelValue() {
        return channel.getStringValue().trim();
    }

    /**
     * The engine settings these node settings stand for.
     *
     * @throws org.neuroatlas.core.InputException naming the CLI parameter of a bad value
     */
    DetectionSettings detectionSettings() {
        double t = thresholdValue.getDoubleValue();
        Threshold threshold = ABSOLUTE.equals(thresholdMode.getStringValue()) ? Threshold.absolute(t) : Threshold.auto(t);
        double max = maxVolumeUm3.getDoubleValue();
        return new DetectionSettings(cellDiameterUm.getDoubleValue(), threshold,
                DetectionOptions.parseOptional(minSeparationUm.getStringValue(), "--min-separation-um", Double.NaN), minVolumeUm3.getDoubleValue(),
                max == 0 ? Double.POSITIVE_INFINITY : max, minPeakAboveBackground.getDoubleValue(), segmentationFraction.getDoubleValue(),
                DetectionOptions.threads(threads.getIntValue()), DetectionOptions.parseChunkVoxels(chunkVoxels.getStringValue()));
    }
}
