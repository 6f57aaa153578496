package org.neuroatlas.core.detect.run;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * One volume to process (detect cells in, register), from a row of the {@linkplain VolumeTable volume table} (the
 * Volume Reader node's output).
 *
 * @param sampleId    the row's sample id
 * @param channel     the row's channel name
 * @param path        the volume file or plane folder (absolute)
 * @param voxelSizeUm the row's voxel size, µm; empty if the table has none (then the file's metadata decides)
 * @param orientation the row's orientation code; empty if the table has no {@value #ORIENTATION} column or the cell
 *                    is empty (then the file's metadata decides)
 */
public record VolumeRow(String sampleId, String channel, Path path, Optional<VoxelSize> voxelSizeUm, Optional<Orientation> orientation) {

    /** Columns every reader of the volume table needs; the volume table has more. */
    static final String[] COLUMNS = {"sample_id", "channel", "path", "voxel_um_x", "voxel_um_y", "voxel_um_z"};
    /**
     * The orientation column: optional, because detection does not need it (registration does, and says so when
     * neither the table nor the file gives one).
     */
    public static final String ORIENTATION = "orientation";

    /** A row without an orientation code (detection does not need one). */
    public VolumeRow(String sampleId, String channel, Path path, Optional<VoxelSize> voxelSizeUm) {
        this(sampleId, channel, path, voxelSizeUm, Optional.empty());
    }

    /** Read options that open this volume with the table's voxel size and orientation code. */
    public ReadOptions readOptions() {
        ReadOptions o = ReadOptions.defaults();
        if (voxelSizeUm.isPresent()) {
            o = o.withVoxelSize(voxelSizeUm.get());
        }
        return orientation.isPresent() ? o.withOrientation(orientation.get()) : o;
    }

    /**
     * Checks that a table has the columns detection reads (for configure-time checks, before there are rows).
     *
     * @throws InputException naming the table and listing the missing columns
     */
    public static void checkColumns(TextTable table) {
        table.requireColumns(COLUMNS);
    }

    /**
     * The rows of a volume table whose channel is {@code channel}, in table order.
     *
     * @throws InputException naming the table, row and column of a bad value, or listing the channels present if
     *                        none is {@code channel}
     */
    public static List<VolumeRow> select(TextTable table, String channel) {
        checkColumns(table);
        List<VolumeRow> out = new ArrayList<>();
        Set<String> channels = new LinkedHashSet<>();
        for (int r = 0; r < table.size(); r++) {
            String c = table.get(r, "channel");
            channels.add(c);
            if (!c.equals(channel)) {
                continue;
            }
            String id = table.get(r, "sample_id");
            if (id.isEmpty()) {
                throw table.error(r, "sample_id", "is empty", "Give every sample an id");
            }
            out.add(new VolumeRow(id, c, path(table, r), voxelSize(table, r), orientation(table, r)));
        }
        if (out.isEmpty()) {
            throw table.error(table.size() == 0 ? "has no rows" : "has no row with channel '" + channel + "' (channels: " + String.join(", ", channels) + ")",
                    table.size() == 0 ? "Connect a volume table with at least one volume" : "Choose one of the table's channels in the Channel setting");
        }
        return out;
    }

    private static Path path(TextTable table, int r) {
        String p = table.get(r, "path");
        if (p.isEmpty()) {
            throw table.error(r, "path", "is empty", "Give the volume's path");
        }
        try {
            Path path = Path.of(p);
            if (!path.isAbsolute()) {
                throw table.error(r, "path", "'" + p + "' is a relative path", "Give absolute paths (the Volume Reader node writes them)");
            }
            return path;
        } catch (InvalidPathException e) {
            throw table.error(r, "path", "'" + p + "' is not a valid path", "Give the volume's absolute path");
        }
    }

    private static Optional<Orientation> orientation(TextTable table, int r) {
        String code = table.get(r, ORIENTATION);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Orientation.parse(code, ORIENTATION));
        } catch (InputException e) {
            throw table.error(r, ORIENTATION, "'" + code + "' is not an orientation code",
                    "Give three letters for the plane, row and column axes, one of each pair a/p, s/i, l/r, e.g. psl (BrainGlobe convention)");
        }
    }

    /** All three sizes or none (then the file's metadata decides, and opening says what to do if it has none). */
    private static Optional<VoxelSize> voxelSize(TextTable table, int r) {
        double[] v = new double[3];
        int given = 0;
        for (int d = 0; d < 3; d++) {
            String column = COLUMNS[3 + d];
            v[d] = table.getDouble(r, column, true);
            if (!Double.isNaN(v[d])) {
                given++;
                if (!(v[d] > 0) || Double.isInfinite(v[d])) {
                    throw table.error(r, column, "must be a positive number of µm, not " + table.get(r, column), "Correct the voxel size");
                }
            }
        }
        if (given == 0) {
            return Optional.empty();
        }
        if (given < 3) {
            throw table.error(r, "voxel_um_x", "voxel_um_x, voxel_um_y and voxel_um_z must be given together",
                    "Give all three, or none to use the file's metadata");
        }
        return Optional.of(new VoxelSize(v[0], v[1], v[2]));
    }
}
