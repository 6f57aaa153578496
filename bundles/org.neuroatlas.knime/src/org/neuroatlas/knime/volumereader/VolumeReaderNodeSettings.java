package org.neuroatlas.knime.volumereader;

import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.knime.common.KnimePaths;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.NodeSettingsSupport;

/** Settings of the Volume Reader node: what to read, and overrides for the files' metadata. */
final class VolumeReaderNodeSettings extends NodeSettingsSupport {

    static final String MODE_SHEET = "Sample sheet (CSV)";
    static final String MODE_SINGLE = "Single volume";

    final SettingsModelString mode = add(new SettingsModelString("mode", MODE_SHEET), "Input");
    final SettingsModelString path = add(new SettingsModelString("path", ""), "Path");
    final SettingsModelString sampleId = add(new SettingsModelString("sample_id", ""), "Sample id");
    final SettingsModelString group = add(new SettingsModelString("group", ""), "Group");
    final SettingsModelDouble doseMgKg = add(new SettingsModelDouble("dose_mg_kg", 0), "Dose (mg/kg)");
    final SettingsModelString channel = add(new SettingsModelString("channel", "signal"), "Channel");
    final SettingsModelString voxelSizeUm = add(new SettingsModelString("voxel_size_um", ""), "Voxel size (µm)");
    final SettingsModelString orientation = add(new SettingsModelString("orientation", ""), "Orientation");
    final SettingsModelString glob = add(new SettingsModelString("glob", ""), "File name filter");
    final SettingsModelIntegerBounded setup = add(new SettingsModelIntegerBounded("setup", 0, 0, Integer.MAX_VALUE), "Setup / channel index");
    final SettingsModelIntegerBounded timepoint = add(new SettingsModelIntegerBounded("timepoint", 0, 0, Integer.MAX_VALUE), "Timepoint");
    final SettingsModelIntegerBounded level = add(new SettingsModelIntegerBounded("level", 0, 0, 64), "Resolution level");

    boolean isSampleSheet() {
        return MODE_SHEET.equals(mode.getStringValue());
    }

    /**
     * The sample sheet's or volume's absolute path (a knime:// URL resolved).
     *
     * @throws InputException if the path is empty, relative or not a local file
     */
    Path pathValue() {
        return KnimePaths.absolute(path.getStringValue(), "Path", isSampleSheet()
                ? "Choose a sample sheet (CSV) in the node dialog, or connect a sample sheet table"
                : "Choose a volume (TIFF file or folder of planes, NRRD, BigDataViewer .xml/.h5 or Imaris .ims) in the node dialog");
    }

    @Override
    protected VolumeReaderNodeSettings newInstance() {
        return new VolumeReaderNodeSettings();
    }

    /** Checks every setting but the path, which {@link #checkSource} checks: a connected sample sheet table replaces it. */
    @Override
    public void check(boolean filesMustExist) throws InvalidSettingsException {
        String m = mode.getStringValue();
        if (!MODE_SHEET.equals(m) && !MODE_SINGLE.equals(m)) {
            throw new InvalidSettingsException("Input must be '" + MODE_SHEET + "' or '" + MODE_SINGLE + "', not '" + m + "'");
        }
        if (!isSampleSheet()) {
            double d = doseMgKg.getDoubleValue();
            if (d < 0 || Double.isInfinite(d)) {
                throw new InvalidSettingsException("Dose (mg/kg) must be 0 or positive, not " + d);
            }
            if (channel.getStringValue().trim().isEmpty()) {
                throw new InvalidSettingsException("Give the channel a name, e.g. signal");
            }
        }
        checked(this::readOptions);
    }

    /**
     * Checks where the volumes come from: the sample sheet table's columns if one is connected, else the path.
     *
     * @param sheetTable spec of the table at the optional input port; null if none is connected
     */
    void checkSource(DataTableSpec sheetTable) throws InvalidSettingsException {
        if (sheetTable != null) {
            checked(() -> SampleSheet.checkColumns(KnimeTables.header(VolumeReaderNodeModel.SHEET_TABLE, sheetTable)));
            return;
        }
        Path p;
        try {
            p = pathValue();
        } catch (InputException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        if (!Files.exists(p)) {
            throw new InvalidSettingsException("Path does not exist: " + p);
        }
    }

    /** The read options these settings ask for (voxel size and orientation overrides, HDF5 selection, glob). */
    ReadOptions readOptions() {
        ReadOptions o = ReadOptions.defaults().withSetup(setup.getIntValue()).withTimepoint(timepoint.getIntValue()).withLevel(level.getIntValue());
        if (!voxelSizeUm.getStringValue().isBlank()) {
            o = o.withVoxelSize(VoxelSize.parse(voxelSizeUm.getStringValue(), "Voxel size (µm)"));
        }
        if (!orientation.getStringValue().isBlank()) {
            o = o.withOrientation(Orientation.parse(orientation.getStringValue(), "Orientation"));
        }
        if (!glob.getStringValue().isBlank()) {
            o = o.withGlob(glob.getStringValue().trim());
        }
        return o;
    }
}
