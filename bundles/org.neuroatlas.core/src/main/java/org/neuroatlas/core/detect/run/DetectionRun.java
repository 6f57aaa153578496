package org.neuroatlas.core.detect.run;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.detect.CellDetector;
import org.neuroatlas.core.detect.CellTable;
import org.neuroatlas.core.detect.Detection;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Detection of one sample's cells, as the CLI's {@code detect} and the Cell Detector node run it: open the volume
 * lazily, detect, close, and give the rows of the cells table and of the per-sample summary.
 */
public final class DetectionRun {

    /** The Cell Detector node's cells table: {@code sample_id}, then exactly the columns of {@link CellTable#SCHEMA}. */
    public static final TableSchema CELLS;

    static {
        List<Column> c = new ArrayList<>();
        c.add(Column.string("sample_id", "Sample the cell was detected in"));
        c.addAll(CellTable.SCHEMA.columns());
        CELLS = new TableSchema(c);
    }

    /** One row per detected volume. */
    public static final TableSchema SUMMARY = TableSchema.of(
            Column.string("sample_id", "Sample id"),
            Column.string("path", "Volume the cells were detected in"),
            Column.longInt("cells", "Cells detected (after the size and intensity filters)"),
            Column.longInt("voxels_processed", "Voxels of the volume processed (each once)"),
            Column.real("seconds", "Wall-clock time of the detection, s"),
            Column.real("megavoxels_per_second", "Throughput, millions of voxels per second"),
            Column.real("threshold", "Threshold used on the band-passed image (band-passed √intensity)"),
            Column.string("threshold_setting", "The threshold setting: auto:K (K robust standard deviations above the median) or an absolute value"),
            Column.real("noise_median", "Median of the band-passed √intensity over the threshold sample"),
            Column.real("noise_mad", "Median absolute deviation of the band-passed √intensity over the threshold sample (unscaled)"),
            Column.real("cell_diameter_um", "Cell diameter the filters were scaled to, µm"));

    private DetectionRun() {
    }

    /**
     * What one detection found, with what is needed to write its rows.
     *
     * @param sampleId    sample id written to the tables
     * @param path        the volume's path
     * @param dimensions  the volume's size in voxels (x, y, z)
     * @param voxelSizeUm the voxel size the detection used, µm
     * @param settings    the settings used
     * @param detection   the detector's result
     */
    public record Result(String sampleId, Path path, long[] dimensions, VoxelSize voxelSizeUm, DetectionSettings settings, Detection detection) {

        public Result {
            dimensions = dimensions.clone();
        }

        @Override
        public long[] dimensions() {
            return dimensions.clone();
        }

        /** Rows of {@link DetectionRun#CELLS}, in the detection's order. */
        public List<Object[]> cellRows() {
            List<Object[]> rows = CellTable.rows(detection, voxelSizeUm);
            List<Object[]> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                Object[] row = new Object[r.length + 1];
                row[0] = sampleId;
                System.arraycopy(r, 0, row, 1, r.length);
                out.add(row);
            }
            return out;
        }

        /** The row of {@link DetectionRun#SUMMARY}. */
        public Object[] summaryRow() {
            Detection d = detection;
            return new Object[] {sampleId, path.toString(), (long) d.cells().size(), d.voxelsProcessed(), d.seconds(), d.megavoxelsPerSecond(),
                d.threshold(), settings.threshold().toString(), d.noiseMedian(), d.noiseMad(), settings.cellDiameterUm()};
        }
    }

    /** Detects the cells of one volume-table row. */
    public static Result run(VolumeRow row, DetectionSettings settings, Progress progress) {
        return run(row.sampleId(), row.path(), row.readOptions(), settings, progress);
    }

    /**
     * Opens {@code path} lazily (header now, voxels chunk by chunk), detects its cells and closes it.
     *
     * @throws org.neuroatlas.core.InputException if the volume is missing, unreadable or has no voxel size, or the
     *                                            settings do not suit it
     * @throws org.neuroatlas.core.CanceledException if {@code progress} asked to stop
     */
    public static Result run(String sampleId, Path path, ReadOptions options, DetectionSettings settings, Progress progress) {
        try (Volume<?> volume = Volumes.open(path, options)) {
            return run(sampleId, path, volume, settings, progress);
        }
    }

    /** Detects the cells of an open volume; reading errors name {@code path}. */
    public static Result run(String sampleId, Path path, Volume<?> volume, DetectionSettings settings, Progress progress) {
        try {
            Detection d = CellDetector.detect(volume, settings, progress);
            return new Result(sampleId, path, volume.dimensions(), volume.voxelSizeUm(), settings, d);
        } catch (UncheckedIOException e) {
            throw Volumes.readError(path, e);
        }
    }
}
