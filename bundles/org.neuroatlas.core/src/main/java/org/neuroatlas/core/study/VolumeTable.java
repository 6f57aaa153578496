package org.neuroatlas.core.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The volume table: one row per sample and channel describing a volume by reference (path and header facts),
 * never its voxels. Output of the Volume Reader node; input of detection and registration.
 */
public final class VolumeTable {

    public static final TableSchema SCHEMA = TableSchema.of(
            Column.string("sample_id", "Sample (brain) id from the sample sheet"),
            Column.string("group", "Experimental group"),
            Column.real("dose_mg_kg", "Dose in mg/kg (missing if not given)"),
            Column.string("channel", "Channel name, e.g. signal or autofluorescence"),
            Column.string("path", "Absolute path of the volume file or plane folder"),
            Column.string("format", "tiff, tiff-series, nrrd, bdv-hdf5 or imaris"),
            Column.longInt("size_x", "Columns (voxels)"),
            Column.longInt("size_y", "Rows (voxels)"),
            Column.longInt("size_z", "Planes (voxels)"),
            Column.real("voxel_um_x", "Voxel size along x in µm (missing if unknown)"),
            Column.real("voxel_um_y", "Voxel size along y in µm (missing if unknown)"),
            Column.real("voxel_um_z", "Voxel size along z in µm (missing if unknown)"),
            Column.string("orientation", "BrainGlobe orientation code of planes, rows, columns (missing if unknown)"),
            Column.string("pixel_type", "uint8, uint16, uint32 or float32"),
            Column.longInt("bytes", "Uncompressed voxel bytes"));

    private VolumeTable() {
    }

    /**
     * Reads the header of every channel of every sample (no voxels) and returns the table rows.
     *
     * @param base read options for every volume; a sample's own voxel size and orientation take precedence
     */
    public static List<Object[]> rows(SampleSheet sheet, ReadOptions base, Progress progress) {
        List<Object[]> rows = new ArrayList<>();
        int total = sheet.samples().stream().mapToInt(s -> s.channels().size()).sum();
        int done = 0;
        for (Sample s : sheet.samples()) {
            ReadOptions options = base;
            if (s.voxelSizeUm().isPresent()) {
                options = options.withVoxelSize(s.voxelSizeUm().get());
            }
            if (s.orientation().isPresent()) {
                options = options.withOrientation(s.orientation().get());
            }
            for (Map.Entry<String, Path> c : s.channels().entrySet()) {
                progress.checkCanceled();
                VolumeHeader h = Volumes.readHeader(c.getValue(), options);
                rows.add(row(s.sampleId(), s.group(), s.doseMgKg(), c.getKey(), h));
                progress.report(++done / (double) total, s.sampleId() + " " + c.getKey());
            }
        }
        return rows;
    }

    /** One row for one volume. */
    public static Object[] row(String sampleId, String group, double doseMgKg, String channel, VolumeHeader h) {
        long[] d = h.dimensions();
        VoxelSize v = h.voxelSizeUm().orElse(null);
        return new Object[] {sampleId, group, Double.isNaN(doseMgKg) ? null : doseMgKg, channel, h.path().toAbsolutePath().toString(),
            h.format(), d[0], d[1], d[2], v == null ? null : v.xUm(), v == null ? null : v.yUm(), v == null ? null : v.zUm(),
            h.orientation().map(Orientation::code).orElse(null), h.pixelType().toString(), h.bytes()};
    }
}
