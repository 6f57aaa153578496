package org.neuroatlas.knime.atlasmapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.MappedCellTable;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;

/**
 * Maps the cells of every sample into the atlas through the sample's transform (from the registration table) and
 * counts them per region: the node form of {@code neuroatlas map}, for all samples at once. The mapped-cells table
 * keeps the input rows (keys, order, cells) and appends {@link MappedCellTable#MAPPED}; the counts come sample by
 * sample in registration-table order, so that a registered sample without cells still gets its (zero) rows for the
 * requested regions.
 */
final class AtlasMapperNodeModel extends SettingsNodeModel<AtlasMapperNodeSettings> {

    /** How errors name the input tables. */
    static final String CELLS_TABLE = "cells table (input port 0)";
    static final String REGISTRATION_TABLE = "registration table (input port 1)";

    AtlasMapperNodeModel() {
        super(2, 2, new AtlasMapperNodeSettings());
    }

    /** The mapped-cells spec: the cells table's columns but those named like a mapped column, then {@link MappedCellTable#MAPPED}. */
    static DataTableSpec mappedSpec(DataTableSpec cells) {
        List<DataColumnSpec> columns = new ArrayList<>();
        for (int i : keptColumns(cells)) {
            columns.add(cells.getColumnSpec(i));
        }
        DataTableSpec mapped = KnimeTables.spec(MappedCellTable.MAPPED);
        for (int i = 0; i < mapped.getNumColumns(); i++) {
            columns.add(mapped.getColumnSpec(i));
        }
        return new DataTableSpec(columns.toArray(DataColumnSpec[]::new));
    }

    /** Indices of the cells table's columns the mapped table keeps (the engine's rule, {@link MappedCellTable#keptInputColumns}). */
    private static int[] keptColumns(DataTableSpec cells) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cells.getNumColumns(); i++) {
            names.add(cells.getColumnSpec(i).getName());
        }
        return MappedCellTable.keptInputColumns(names).stream().mapToInt(cells::findColumnIndex).toArray();
    }

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        AtlasMapperNodeSettings.checkInputs(inSpecs[0], inSpecs[1]);
        return new DataTableSpec[] {mappedSpec(inSpecs[0]), KnimeTables.spec(RegionCounts.SCHEMA)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        BufferedDataContainer mapped = exec.createDataContainer(mappedSpec(inData[0].getDataTableSpec()));
        BufferedDataContainer counts = exec.createDataContainer(KnimeTables.spec(RegionCounts.SCHEMA));
        long[] key = new long[1];
        KnimeProgress.run(exec, p -> map(inData[0], inData[1], p, mapped::addRowToTable,
                row -> counts.addRowToTable(KnimeTables.row(key[0]++, RegionCounts.SCHEMA, row))));
        mapped.close();
        counts.close();
        return new BufferedDataTable[] {mapped.getTable(), counts.getTable()};
    }

    /**
     * Maps the cells of every sample and hands over the rows of both tables (package-private: the OSGi tests call
     * it). Holds the cells' positions and mapped values, not the input rows: those are read twice.
     *
     * @return the number of samples counted (the registration table's)
     */
    int map(DataTable cellsTable, DataTable registrationTable, Progress progress, Consumer<DataRow> mappedRows, Consumer<Object[]> countRows) {
        Map<String, Path> transformDirs = MappingRun.transformDirs(
                KnimeTables.text(REGISTRATION_TABLE, registrationTable, MappingRun.SAMPLE_ID, MappingRun.TRANSFORM_DIR));
        TextTable cells = KnimeTables.text(CELLS_TABLE, cellsTable, MappingRun.SAMPLE_ID, CellPositions.X, CellPositions.Y, CellPositions.Z);
        Map<String, int[]> bySample = MappingRun.rowsBySample(cells);
        for (String id : bySample.keySet()) {
            if (!transformDirs.containsKey(id)) {
                throw cells.error("sample '" + id + "' has no row in the " + REGISTRATION_TABLE + " (samples there: "
                        + String.join(", ", transformDirs.keySet()) + ")", "Register every sample whose cells are mapped");
            }
        }
        CellPositions positions = CellPositions.from(cells);
        // Per input row: its sample's mapping and its index there, to append the mapped values in input order.
        MappingRun.Sample[] sampleOfRow = new MappingRun.Sample[cells.size()];
        int[] indexInSample = new int[cells.size()];
        try (Atlas atlas = settings().atlas.open(progress.slice(0, 0.05))) {
            List<Integer> requested = MappingRun.requestedRegions(atlas, settings().regions.getStringValue(), "Regions");
            RegionVolumes volumes = RegionVolumes.measure(atlas, progress.slice(0.05, 0.3));
            Map<String, MappingRun.Sample> samples = new LinkedHashMap<>();
            int n = transformDirs.size(), i = 0;
            for (Map.Entry<String, Path> e : transformDirs.entrySet()) {
                progress.checkCanceled();
                String id = e.getKey();
                int[] rows = bySample.getOrDefault(id, new int[0]);
                MappingRun.Sample s = mapSample(atlas, id, MappingRun.subset(positions, rows), e.getValue(),
                        progress.slice(0.3 + 0.6 * i / n, 0.3 + 0.6 * (i + 1) / n));
                samples.put(id, s);
                for (int k = 0; k < rows.length; k++) {
                    sampleOfRow[rows[k]] = s;
                    indexInSample[rows[k]] = k;
                }
                s.countRows(atlas, volumes, requested).forEach(countRows);
                i++;
            }
            int[] kept = keptColumns(cellsTable.getDataTableSpec());
            int r = 0;
            for (DataRow row : cellsTable) {
                List<DataCell> out = new ArrayList<>(kept.length + MappedCellTable.MAPPED.size());
                for (int c : kept) {
                    out.add(row.getCell(c));
                }
                out.addAll(KnimeTables.cells(MappedCellTable.MAPPED, sampleOfRow[r].mappedValues(atlas, indexInSample[r])));
                mappedRows.accept(new DefaultRow(row.getKey(), out));
                r++;
            }
            progress.report(1, null);
            return n;
        }
    }

    /** One sample's cells through its transform; errors name the sample (the engine's name the folder only). */
    private static MappingRun.Sample mapSample(Atlas atlas, String id, CellPositions cells, Path transformDir, Progress progress) {
        try {
            Path folder = MappingRun.transformFolder(transformDir, MappingRun.TRANSFORM_DIR);
            AtlasTransform transform = MappingRun.loadTransform(folder);
            return MappingRun.map(atlas, id, cells, transform, folder, progress);
        } catch (InputException e) {
            throw new InputException("Sample " + id + ": " + e.getMessage(), e);
        }
    }
}
