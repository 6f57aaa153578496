package org.neuroatlas.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The list of brains of a study: a CSV with columns {@code sample_id}, {@code group}, {@code dose_mg_kg}, one
 * {@code <channel>_path} column per channel (e.g. {@code signal_path}, {@code autofluorescence_path}; relative
 * paths are resolved against the sheet's folder), and optionally {@code voxel_um_x}, {@code voxel_um_y},
 * {@code voxel_um_z} and {@code orientation}. The Volume Reader node, {@code ./neuroatlas run} and the cohort
 * simulator all use this format.
 */
public final class SampleSheet {

    public static final String SAMPLE_ID = "sample_id";
    public static final String GROUP = "group";
    public static final String DOSE = "dose_mg_kg";
    public static final String ORIENTATION = "orientation";
    public static final String[] VOXEL = {"voxel_um_x", "voxel_um_y", "voxel_um_z"};
    public static final String PATH_SUFFIX = "_path";

    private final List<Sample> samples;

    public SampleSheet(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Groups in order of first appearance. */
    public List<String> groups() {
        return samples.stream().map(Sample::group).distinct().toList();
    }

    /**
     * Reads and validates a sample sheet.
     *
     * @throws InputException naming the file, line and column of the first problem
     */
    public static SampleSheet read(Path file) {
        CsvTable t = CsvTable.read(file);
        t.requireColumns(SAMPLE_ID, GROUP, DOSE);
        List<String> channelColumns = t.header().stream().filter(h -> h.endsWith(PATH_SUFFIX) && h.length() > PATH_SUFFIX.length()).toList();
        if (channelColumns.isEmpty()) {
            throw InputException.file(file, "has no channel column (found: " + String.join(", ", t.header()) + ")",
                    "Add one column per channel named <channel>" + PATH_SUFFIX + ", e.g. signal_path and autofluorescence_path");
        }
        boolean anyVoxel = false;
        for (String v : VOXEL) {
            anyVoxel |= t.hasColumn(v);
        }
        if (anyVoxel) {
            t.requireColumns(VOXEL);
        }
        Path base = file.toAbsolutePath().getParent();
        List<Sample> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int r = 0; r < t.size(); r++) {
            String id = t.get(r, SAMPLE_ID);
            if (id.isEmpty()) {
                throw t.error(r, SAMPLE_ID, "empty sample id", "Give every brain a unique id");
            }
            if (!ids.add(id)) {
                throw t.error(r, SAMPLE_ID, "sample id '" + id + "' appears twice", "Sample ids must be unique");
            }
            String group = t.get(r, GROUP);
            if (group.isEmpty()) {
                throw t.error(r, GROUP, "empty group for sample " + id, "Name the experimental group, e.g. saline");
            }
            double dose = t.getDouble(r, DOSE, true);
            if (dose < 0 || Double.isInfinite(dose)) {
                throw t.error(r, DOSE, "dose " + dose + " is not valid", "Give the dose in mg/kg, 0 for vehicle");
            }
            Map<String, Path> channels = new LinkedHashMap<>();
            for (String c : channelColumns) {
                String p = t.get(r, c);
                if (!p.isEmpty()) {
                    channels.put(c.substring(0, c.length() - PATH_SUFFIX.length()), base.resolve(p).normalize());
                }
            }
            if (channels.isEmpty()) {
                throw t.error(r, String.join("/", channelColumns), "sample " + id + " has no volume path", "Fill in at least one channel path");
            }
            Optional<VoxelSize> voxel = Optional.empty();
            if (anyVoxel && !(t.get(r, VOXEL[0]).isEmpty() && t.get(r, VOXEL[1]).isEmpty() && t.get(r, VOXEL[2]).isEmpty())) {
                double[] v = new double[3];
                for (int d = 0; d < 3; d++) {
                    v[d] = t.getDouble(r, VOXEL[d], false);
                    if (!(v[d] > 0) || Double.isInfinite(v[d])) {
                        throw t.error(r, VOXEL[d], "voxel size " + v[d] + " is not positive", "Give the voxel size in µm");
                    }
                }
                voxel = Optional.of(new VoxelSize(v[0], v[1], v[2]));
            }
            Optional<Orientation> orientation = Optional.empty();
            if (t.hasColumn(ORIENTATION) && !t.get(r, ORIENTATION).isEmpty()) {
                try {
                    orientation = Optional.of(Orientation.parse(t.get(r, ORIENTATION), ORIENTATION));
                } catch (InputException e) {
                    throw t.error(r, ORIENTATION, e.getMessage(), null);
                }
            }
            out.add(new Sample(id, group, dose, channels, voxel, orientation));
        }
        if (out.isEmpty()) {
            throw InputException.file(file, "lists no samples", "Add one line per brain below the header");
        }
        return new SampleSheet(out);
    }

    /** Writes the sheet with paths relative to the sheet's folder where possible. */
    public void write(Path file) throws IOException {
        List<String> channels = new ArrayList<>();
        boolean voxel = false;
        boolean orientation = false;
        for (Sample s : samples) {
            for (String c : s.channels().keySet()) {
                if (!channels.contains(c)) {
                    channels.add(c);
                }
            }
            voxel |= s.voxelSizeUm().isPresent();
            orientation |= s.orientation().isPresent();
        }
        List<Column> cols = new ArrayList<>(List.of(Column.string(SAMPLE_ID, ""), Column.string(GROUP, ""), Column.real(DOSE, "")));
        channels.forEach(c -> cols.add(Column.string(c + PATH_SUFFIX, "")));
        if (voxel) {
            for (String v : VOXEL) {
                cols.add(Column.real(v, ""));
            }
        }
        if (orientation) {
            cols.add(Column.string(ORIENTATION, ""));
        }
        Path base = file.toAbsolutePath().getParent();
        List<Object[]> rows = new ArrayList<>();
        for (Sample s : samples) {
            List<Object> row = new ArrayList<>(List.of(s.sampleId(), s.group()));
            row.add(Double.isNaN(s.doseMgKg()) ? null : s.doseMgKg());
            for (String c : channels) {
                Path p = s.channels().get(c);
                row.add(p == null ? null : relative(base, p));
            }
            if (voxel) {
                VoxelSize v = s.voxelSizeUm().orElse(null);
                for (int d = 0; d < 3; d++) {
                    row.add(v == null ? null : v.um(d));
                }
            }
            if (orientation) {
                row.add(s.orientation().map(Orientation::code).orElse(null));
            }
            rows.add(row.toArray());
        }
        CsvTableWriter.write(file, new TableSchema(cols), rows);
    }

    private static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }
}
