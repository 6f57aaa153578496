package org.neuroatlas.core.density;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.atlas.SummaryLevel;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.register.AtlasTransform;

/**
 * Mapping of one sample's cells as the CLI's {@code map} and the Atlas Mapper node run it: find and load the
 * sample's transform, map its cells ({@link CellMapper}) and count them per region ({@link RegionCounts}). One
 * place, so that both front ends find transforms, parse region lists and count alike.
 */
public final class MappingRun {

    /** The transform's file inside a transform folder. */
    public static final String TRANSFORM_JSON = "transform.json";
    /** Where a registration folder (or a simulated brain) keeps its transform. */
    public static final String TRANSFORM_FOLDER = "transform";

    /**
     * One sample's mapped cells.
     *
     * @param sampleId the sample
     * @param atlasKey identity key of the atlas the cells were mapped to
     * @param cells    the mapped cells, in input order (none dropped)
     */
    public record Sample(String sampleId, String atlasKey, List<MappedCell> cells) {

        public Sample {
            cells = List.copyOf(cells);
        }

        /**
         * The rows of {@link RegionCounts#SCHEMA} for this sample.
         *
         * @param volumes   region volumes of the atlas the cells were mapped to
         * @param requested structures to list even without cells ({@link #requestedRegions}); may be empty
         */
        public List<Object[]> countRows(Atlas atlas, RegionVolumes volumes, List<Integer> requested) {
            return RegionCounts.rows(sampleId, atlasKey, cells, atlas.ontology(), volumes, requested);
        }

        /**
         * Writes the mapped cells as CSV: {@code cells}' columns (those {@link MappedCellTable#keptInputColumns}
         * keeps, as text), then {@link MappedCellTable#MAPPED}'s; complete or not at all.
         *
         * @param cells the table these cells were read from, row for row
         */
        public void writeMapped(Path file, TextTable cells, Atlas atlas) throws IOException {
            List<String> kept = MappedCellTable.keptInputColumns(cells.header());
            List<Column> columns = new ArrayList<>();
            for (String c : kept) {
                columns.add(Column.string(c, "Copied from the cells table"));
            }
            columns.addAll(MappedCellTable.MAPPED.columns());
            TableSchema schema = new TableSchema(columns);
            List<Object[]> rows = new ArrayList<>(this.cells.size());
            for (int r = 0; r < this.cells.size(); r++) {
                Object[] row = new Object[schema.size()];
                for (int c = 0; c < kept.size(); c++) {
                    row[c] = cells.get(r, kept.get(c));
                }
                Object[] values = mappedValues(atlas, r);
                System.arraycopy(values, 0, row, kept.size(), values.length);
                rows.add(row);
            }
            CsvTableWriter.write(file, schema, rows);
        }

        /** The {@link MappedCellTable#MAPPED} values of cell {@code i}. */
        public Object[] mappedValues(Atlas atlas, int i) {
            return MappedCellTable.values(cells.get(i), atlas.ontology(), atlasKey);
        }
    }

    /** Sample id column of the cells and registration tables. */
    public static final String SAMPLE_ID = "sample_id";
    /** Transform folder column of the registration table (the Atlas Registration node's output). */
    public static final String TRANSFORM_DIR = "transform_dir";

    private MappingRun() {
    }

    /**
     * Sample id → transform folder, from a registration table (columns {@value #SAMPLE_ID} and
     * {@value #TRANSFORM_DIR}, e.g. the Atlas Registration node's output).
     *
     * @throws InputException naming the table, row and column of an empty id or path, a relative or invalid path, or a
     *                        sample listed twice
     */
    public static Map<String, Path> transformDirs(TextTable registrations) {
        registrations.requireColumns(SAMPLE_ID, TRANSFORM_DIR);
        Map<String, Path> out = new LinkedHashMap<>();
        for (int r = 0; r < registrations.size(); r++) {
            String id = registrations.get(r, SAMPLE_ID);
            if (id.isEmpty()) {
                throw registrations.error(r, SAMPLE_ID, "is empty", "Give every sample an id");
            }
            String dir = registrations.get(r, TRANSFORM_DIR);
            Path p;
            try {
                p = dir.isEmpty() ? null : Path.of(dir);
            } catch (InvalidPathException e) {
                p = null;
            }
            if (p == null || !p.isAbsolute()) {
                throw registrations.error(r, TRANSFORM_DIR, "'" + dir + "' is not an absolute path", "Give the transform folder's absolute path "
                        + "(the Atlas Registration node writes them)");
            }
            if (out.put(id, p) != null) {
                throw registrations.error(r, SAMPLE_ID, "sample '" + id + "' is listed twice", "Give one registration per sample");
            }
        }
        return out;
    }

    /**
     * The row indices of each sample in a cells table (column {@value #SAMPLE_ID}), samples in order of first
     * appearance, rows in table order.
     *
     * @throws InputException naming the row of an empty sample id
     */
    public static Map<String, int[]> rowsBySample(TextTable cells) {
        cells.requireColumns(SAMPLE_ID);
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int r = 0; r < cells.size(); r++) {
            String id = cells.get(r, SAMPLE_ID);
            if (id.isEmpty()) {
                throw cells.error(r, SAMPLE_ID, "is empty", "Give every cell its sample's id");
            }
            rows.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        rows.forEach((id, list) -> out.put(id, list.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** The cells at {@code rows} of {@code all}, in that order. */
    public static CellPositions subset(CellPositions all, int[] rows) {
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        double[] z = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = all.xUm(rows[i]);
            y[i] = all.yUm(rows[i]);
            z[i] = all.zUm(rows[i]);
        }
        return CellPositions.of(x, y, z);
    }

    /**
     * The transform folder of a registration: {@code dir} if it holds {@value #TRANSFORM_JSON}, else
     * {@code dir/}{@value #TRANSFORM_FOLDER} if that does (a registration folder or a simulated brain's folder).
     *
     * @param parameter how errors name where {@code dir} came from, e.g. {@code --registration}
     * @throws InputException if neither holds a transform
     */
    public static Path transformFolder(Path dir, String parameter) {
        if (Files.isRegularFile(dir.resolve(TRANSFORM_JSON))) {
            return dir;
        }
        Path inner = dir.resolve(TRANSFORM_FOLDER);
        if (Files.isRegularFile(inner.resolve(TRANSFORM_JSON))) {
            return inner;
        }
        if (!Files.isDirectory(dir)) {
            throw InputException.parameter(parameter, dir + (Files.exists(dir) ? " is not a folder" : " does not exist"),
                    "Give the registration folder (it holds transform/transform.json)");
        }
        throw InputException.file(dir, "holds neither transform.json nor transform/transform.json",
                "Give the registration folder written by register (or a simulated brain's folder)");
    }

    /**
     * Reads a transform folder ({@link AtlasTransform#load}).
     *
     * @throws InputException naming the folder if it cannot be read
     */
    public static AtlasTransform loadTransform(Path transformFolder) {
        try {
            return AtlasTransform.load(transformFolder);
        } catch (IOException e) {
            throw InputException.file(transformFolder, "could not be read (" + e + ")", "Check that the folder is readable", e);
        }
    }

    /**
     * The structures a region listing asks for ({@link SummaryLevel#parse}: acronyms, {@code major},
     * {@code depth:N} or {@code all}); none for null or blank (only regions with cells are listed).
     *
     * @throws InputException naming {@code parameter} for an unknown level or acronym
     */
    public static List<Integer> requestedRegions(Atlas atlas, String regions, String parameter) {
        if (regions == null || regions.isBlank()) {
            return List.of();
        }
        return SummaryLevel.parse(regions, parameter).structures(atlas.ontology(), parameter);
    }

    /**
     * Maps one sample's cells through its transform.
     *
     * @param transformFolder where {@code transform} was read from, named in the message on an atlas mismatch
     * @throws InputException if the transform was computed for another atlas
     */
    public static Sample map(Atlas atlas, String sampleId, CellPositions cells, AtlasTransform transform, Path transformFolder,
            Progress progress) {
        CellMapper mapper = CellMapper.of(atlas, transform, transformFolder);
        return new Sample(sampleId, atlas.identity().key(), mapper.map(cells, progress));
    }
}
