package org.neuroatlas.core.study;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.io.TextTable;
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
    /** Conventional channel names: the stained channel, and the autofluorescence channel registration uses. */
    public static final String SIGNAL = "signal";
    public static final String AUTOFLUORESCENCE = "autofluorescence";
    /**
     * The columns of a sheet with a {@link #SIGNAL} and an {@link #AUTOFLUORESCENCE} channel, voxel sizes and
     * orientation: sample_id, group, dose_mg_kg, signal_path, autofluorescence_path, voxel_um_x, voxel_um_y,
     * voxel_um_z, orientation. What the cohort simulator writes (samples.csv) and the Cohort Simulator node outputs.
     */
    public static final TableSchema TWO_CHANNEL_SCHEMA = schema(List.of(SIGNAL, AUTOFLUORESCENCE), true, true);

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
     * Groups by ascending dose (a group's dose is that of its first sample), so that a dose series reads 0, 30,
     * 100 mg/kg; groups of equal dose keep sheet order, groups without a dose come last in sheet order. The order of
     * the statistics' contrasts and of the report's bars.
     */
    public List<String> groupsByDose() {
        Map<String, Double> dose = new LinkedHashMap<>();
        samples.forEach(s -> dose.putIfAbsent(s.group(), s.doseMgKg()));
        List<String> ordered = new ArrayList<>(dose.keySet());
        // List.sort is stable: ties keep the order of first appearance.
        ordered.sort(Comparator.comparingDouble(g -> Double.isNaN(dose.get(g)) ? Double.POSITIVE_INFINITY : dose.get(g)));
        return List.copyOf(ordered);
    }

    /** The group of {@code sampleId}, or null if the sheet does not list it. */
    public String groupOf(String sampleId) {
        return samples.stream().filter(s -> s.sampleId().equals(sampleId)).map(Sample::group).findFirst().orElse(null);
    }

    /** Sample ids in sheet order. */
    public List<String> sampleIds() {
        return samples.stream().map(Sample::sampleId).toList();
    }

    /**
     * Reads and validates a sample sheet CSV; relative paths are resolved against the file's folder.
     *
     * @throws InputException naming the file, line and column of the first problem
     */
    public static SampleSheet read(Path file) {
        return parse(CsvTable.read(file), file.toAbsolutePath().getParent(), true);
    }

    /**
     * Validates a sample sheet given as text rows (e.g. a KNIME input table), with the same rules and messages as
     * {@link #read}. A table has no folder, so every path must be absolute.
     *
     * @throws InputException naming the table, row and column of the first problem
     */
    public static SampleSheet fromRows(TextTable table) {
        return parse(table, null, true);
    }

    /**
     * Reads a sheet for group statistics: {@code sample_id}, {@code group} and {@code dose_mg_kg} are required,
     * channel path columns are optional (a sheet made only for statistics has none; a full sheet works too). Samples
     * then may have no channels. Same rules and messages as {@link #read} otherwise.
     *
     * @throws InputException naming the file, line and column of the first problem
     */
    public static SampleSheet readGroups(Path file) {
        return parse(CsvTable.read(file), file.toAbsolutePath().getParent(), false);
    }

    /** {@link #readGroups} for a sheet given as text rows (e.g. a KNIME input table). */
    public static SampleSheet groupsFromRows(TextTable table) {
        return parse(table, null, false);
    }

    /**
     * {@link #groupsFromRows} for a table that may hold several rows per sample, such as the volume table (one row per
     * sample and channel): reads only sample_id, group and dose_mg_kg, takes each sample once (at its first row), and
     * requires its other rows to give the same group and dose. Samples keep the order of their first rows.
     *
     * @throws InputException naming the row and column of a conflict, or of the first problem as {@link #readGroups} does
     */
    public static SampleSheet groupsOfSamples(TextTable table) {
        table.requireColumns(SAMPLE_ID, GROUP, DOSE);
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        for (int r = 0; r < table.size(); r++) {
            String id = table.get(r, SAMPLE_ID);
            Integer first = firstRow.putIfAbsent(id, r);
            if (first == null || id.isEmpty()) {
                continue;
            }
            if (!table.get(r, GROUP).equals(table.get(first, GROUP))) {
                throw table.error(r, GROUP, "sample " + id + " is in group '" + table.get(r, GROUP) + "' here but in '" + table.get(first, GROUP)
                        + "' in row " + (first + 1), "Give every row of a sample the same group");
            }
            if (Double.compare(table.getDouble(r, DOSE, true), table.getDouble(first, DOSE, true)) != 0) {
                throw table.error(r, DOSE, "sample " + id + " has dose '" + table.get(r, DOSE) + "' here but '" + table.get(first, DOSE)
                        + "' in row " + (first + 1), "Give every row of a sample the same dose");
            }
        }
        int[] rows = firstRow.values().stream().mapToInt(Integer::intValue).toArray();
        return parse(new RowSelection(table, rows, List.of(SAMPLE_ID, GROUP, DOSE)), null, false);
    }

    /**
     * Checks only the columns of a would-be sample sheet (before any row is known, e.g. when a KNIME node is
     * configured): sample_id, group, dose_mg_kg, at least one {@code <channel>_path}, and all three voxel columns or none.
     *
     * @throws InputException naming the table and the missing columns
     */
    public static void checkColumns(TextTable table) {
        channelColumns(table, true);
    }

    /** The channel columns of {@code t}, after checking its required columns. */
    private static List<String> channelColumns(TextTable t, boolean requireChannels) {
        t.requireColumns(SAMPLE_ID, GROUP, DOSE);
        List<String> channelColumns = t.header().stream().filter(h -> h.endsWith(PATH_SUFFIX) && h.length() > PATH_SUFFIX.length()).toList();
        if (channelColumns.isEmpty() && requireChannels) {
            throw t.error("has no channel column (found: " + String.join(", ", t.header()) + ")",
                    "Add one column per channel named <channel>" + PATH_SUFFIX + ", e.g. signal_path and autofluorescence_path");
        }
        boolean anyVoxel = false;
        for (String v : VOXEL) {
            anyVoxel |= t.hasColumn(v);
        }
        if (anyVoxel) {
            t.requireColumns(VOXEL);
        }
        return channelColumns;
    }

    /**
     * @param base            folder relative paths are resolved against; null if there is none (paths must then be absolute)
     * @param requireChannels whether every sample needs a volume path (not for statistics)
     */
    private static SampleSheet parse(TextTable t, Path base, boolean requireChannels) {
        List<String> channelColumns = channelColumns(t, requireChannels);
        boolean anyVoxel = t.hasColumn(VOXEL[0]);
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
                    channels.put(c.substring(0, c.length() - PATH_SUFFIX.length()), path(t, r, c, p, base));
                }
            }
            if (channels.isEmpty() && requireChannels) {
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
            throw t.error("lists no samples", "Add one line per brain below the header");
        }
        return new SampleSheet(out);
    }

    private static Path path(TextTable t, int row, String column, String text, Path base) {
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            throw t.error(row, column, "'" + text + "' is not a valid path (" + e.getReason() + ")", "Check the path");
        }
        if (base != null) {
            return base.resolve(p).normalize();
        }
        if (!p.isAbsolute()) {
            throw t.error(row, column, "'" + text + "' is a relative path, and a table has no folder to resolve it against",
                    "Give absolute paths, or read the sheet from a CSV file (relative paths then resolve against its folder)");
        }
        return p.normalize();
    }

    /**
     * The columns of a sample sheet with the given channels, in the order sheets are written: sample_id, group,
     * dose_mg_kg, {@code <channel>_path} per channel, then (if asked for) voxel_um_x/y/z and orientation.
     */
    private static TableSchema schema(List<String> channels, boolean voxel, boolean orientation) {
        List<Column> cols = new ArrayList<>(List.of(Column.string(SAMPLE_ID, "Sample (brain) id, unique within the sheet"),
                Column.string(GROUP, "Experimental group, e.g. saline"), Column.real(DOSE, "Dose in mg/kg, 0 for vehicle (missing if not given)")));
        channels.forEach(c -> cols.add(Column.string(c + PATH_SUFFIX, "Volume of the " + c + " channel: a file or a folder of planes")));
        if (voxel) {
            String[] axis = {"x (columns)", "y (rows)", "z (planes)"};
            for (int d = 0; d < 3; d++) {
                cols.add(Column.real(VOXEL[d], "Voxel size along " + axis[d] + ", µm (missing: from the file's metadata)"));
            }
        }
        if (orientation) {
            cols.add(Column.string(ORIENTATION, "BrainGlobe orientation code of planes, rows, columns (missing if not given)"));
        }
        return new TableSchema(cols);
    }

    /**
     * This sheet's columns: its channels in order of first appearance, and the voxel size and orientation columns
     * if any sample has them. {@link #write} writes exactly these.
     */
    public TableSchema schema() {
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
        return schema(channels, voxel, orientation);
    }

    /**
     * This sheet as rows of {@code schema} (one per sample; paths absolute; values missing where a sample has none).
     *
     * @param schema {@link #schema()}, or a schema with more columns such as {@link #TWO_CHANNEL_SCHEMA}
     * @throws IllegalArgumentException if a sample has a channel the schema lacks, or the schema has a column that is
     *                                  not a sample sheet column
     */
    public List<Object[]> rows(TableSchema schema) {
        return rows(schema, p -> p.toAbsolutePath().normalize().toString());
    }

    private List<Object[]> rows(TableSchema schema, Function<Path, String> pathText) {
        List<Object[]> rows = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            for (String c : s.channels().keySet()) {
                if (schema.indexOf(c + PATH_SUFFIX) < 0) {
                    throw new IllegalArgumentException("sample " + s.sampleId() + " has channel " + c + ", which the schema lacks");
                }
            }
            Object[] row = new Object[schema.size()];
            for (int i = 0; i < row.length; i++) {
                String name = schema.column(i).name();
                int voxelAxis = List.of(VOXEL).indexOf(name);
                if (SAMPLE_ID.equals(name)) {
                    row[i] = s.sampleId();
                } else if (GROUP.equals(name)) {
                    row[i] = s.group();
                } else if (DOSE.equals(name)) {
                    row[i] = Double.isNaN(s.doseMgKg()) ? null : s.doseMgKg();
                } else if (voxelAxis >= 0) {
                    row[i] = s.voxelSizeUm().map(v -> v.um(voxelAxis)).orElse(null);
                } else if (ORIENTATION.equals(name)) {
                    row[i] = s.orientation().map(Orientation::code).orElse(null);
                } else if (name.endsWith(PATH_SUFFIX)) {
                    Path p = s.channels().get(name.substring(0, name.length() - PATH_SUFFIX.length()));
                    row[i] = p == null ? null : pathText.apply(p);
                } else {
                    throw new IllegalArgumentException(name + " is not a sample sheet column");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Writes the sheet ({@link #schema()}) with paths relative to the sheet's folder where possible. */
    public void write(Path file) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        TableSchema schema = schema();
        CsvTableWriter.write(file, schema, rows(schema, p -> relative(base, p)));
    }

    private static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }
}
