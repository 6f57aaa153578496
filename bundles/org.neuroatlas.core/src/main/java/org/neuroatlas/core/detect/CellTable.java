package org.neuroatlas.core.detect;

import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.volume.VoxelSize;

/** The detected-cells table, identical in the CSV the CLI writes and the KNIME node's output. */
public final class CellTable {

    public static final TableSchema SCHEMA = TableSchema.of(
            Column.real("x_um", "Cell centre, µm: x_vox × voxel x (voxel centres at integer indices)"),
            Column.real("y_um", "Cell centre, µm: y_vox × voxel y"),
            Column.real("z_um", "Cell centre, µm: z_vox × voxel z"),
            Column.real("x_vox", "Cell centre, column (sub-voxel: enhanced-image-weighted centroid of the cell's voxels)"),
            Column.real("y_vox", "Cell centre, row"),
            Column.real("z_vox", "Cell centre, plane"),
            Column.real("peak", "Brightest input intensity in the cell (input units)"),
            Column.real("mean", "Mean input intensity over the cell's voxels (input units)"),
            Column.real("background", "Local background at the cell's seed: input smoothed at 2.5 cell radii (input units)"),
            Column.longInt("volume_vox", "Voxels in the cell's segment"),
            Column.real("score", "Band-pass (difference of Gaussians of √input) response at the seed, the value the threshold applies to"));

    private CellTable() {
    }

    /** Cell centres in µm, exactly as the table's x_um, y_um, z_um have them, in the detection's order. */
    public static CellPositions positionsUm(Detection detection, VoxelSize voxelSizeUm) {
        List<DetectedCell> cells = detection.cells();
        double[] x = new double[cells.size()];
        double[] y = new double[cells.size()];
        double[] z = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            DetectedCell c = cells.get(i);
            x[i] = c.xVox() * voxelSizeUm.xUm();
            y[i] = c.yVox() * voxelSizeUm.yUm();
            z[i] = c.zVox() * voxelSizeUm.zUm();
        }
        return CellPositions.of(x, y, z);
    }

    /** One row per cell, in the detection's order (seed voxel z, y, x). */
    public static List<Object[]> rows(Detection detection, VoxelSize voxelSizeUm) {
        List<Object[]> rows = new ArrayList<>(detection.cells().size());
        for (DetectedCell c : detection.cells()) {
            rows.add(new Object[] {c.xVox() * voxelSizeUm.xUm(), c.yVox() * voxelSizeUm.yUm(), c.zVox() * voxelSizeUm.zUm(), c.xVox(), c.yVox(),
                    c.zVox(), c.peak(), c.mean(), c.background(), c.volumeVox(), c.score()});
        }
        return rows;
    }
}
