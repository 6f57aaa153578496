package org.neuroatlas.knime.axondensity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortType;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.density.fibre.AxonDensityRun;
import org.neuroatlas.core.density.fibre.AxonDensityTable;
import org.neuroatlas.core.density.fibre.FibreSettings;
import org.neuroatlas.core.detect.run.VolumeRow;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;

/**
 * Segments the fibres (axons) in the chosen channel's volume of every sample of the volume table and reports the
 * fibre fraction per region and hemisphere, through the sample's transform from the registration table: the node form
 * of {@code neuroatlas axons}, for all samples at once (one after the other, each on all its threads). Volumes are
 * read lazily, chunk by chunk, so memory does not depend on their size. The optional cells table adds the balls of
 * detected cells to the somata left out.
 */
final class AxonDensityNodeModel extends SettingsNodeModel<AxonDensityNodeSettings> {

    /** How errors name the input tables. */
    static final String VOLUME_TABLE = "volume table (input port 0)";
    static final String REGISTRATION_TABLE = "registration table (input port 1)";
    static final String CELLS_TABLE = "cells table (input port 2)";

    AxonDensityNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL}, new PortType[] {BufferedDataTable.TYPE},
                new AxonDensityNodeSettings());
    }

    /** {@code inSpecs[2]} is null when no cells table is connected. */
    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        AxonDensityNodeSettings.checkInputs(inSpecs[0], inSpecs[1], inSpecs[2]);
        return new DataTableSpec[] {KnimeTables.spec(AxonDensityTable.SCHEMA)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        BufferedDataContainer out = exec.createDataContainer(KnimeTables.spec(AxonDensityTable.SCHEMA));
        long[] key = new long[1];
        KnimeProgress.run(exec, p -> measure(inData[0], inData[1], inData[2], p,
                row -> out.addRowToTable(KnimeTables.row(key[0]++, AxonDensityTable.SCHEMA, row))));
        out.close();
        return new BufferedDataTable[] {out.getTable()};
    }

    /**
     * Measures every selected volume, handing over the rows sample by sample in volume-table order
     * (package-private: the OSGi tests call it).
     *
     * @param cellsTable the cells table at port 2; null if none is connected
     * @return the number of samples measured
     */
    int measure(DataTable volumeTable, DataTable registrationTable, DataTable cellsTable, Progress progress, Consumer<Object[]> rows) {
        FibreSettings fibre = settings().fibreSettings();
        TextTable volumes = KnimeTables.text(VOLUME_TABLE, volumeTable);
        List<VolumeRow> samples = VolumeRow.select(volumes, settings().channelValue());
        Map<String, Path> transformDirs = MappingRun.transformDirs(
                KnimeTables.text(REGISTRATION_TABLE, registrationTable, MappingRun.SAMPLE_ID, MappingRun.TRANSFORM_DIR));
        Set<String> seen = new HashSet<>();
        for (VolumeRow row : samples) {
            String id = row.sampleId();
            if (!seen.add(id)) {
                throw volumes.error("sample '" + id + "' has two rows with channel '" + row.channel() + "'", "Give one volume per sample and channel");
            }
            if (!transformDirs.containsKey(id)) {
                throw volumes.error("sample '" + id + "' has no row in the " + REGISTRATION_TABLE + " (samples there: "
                        + String.join(", ", transformDirs.keySet()) + ")", "Register every sample whose fibres are measured");
            }
        }
        Map<String, AxonDensityRun.Cells> cells = cellsTable == null ? Map.of()
                : AxonDensityRun.cellsBySample(KnimeTables.text(CELLS_TABLE, cellsTable, MappingRun.SAMPLE_ID, CellPositions.X, CellPositions.Y,
                        CellPositions.Z, AxonDensityRun.DIAMETER_UM));
        List<String> warnings = new ArrayList<>();
        List<String> unknown = new ArrayList<>(cells.keySet());
        unknown.removeAll(seen);
        if (!unknown.isEmpty()) {
            warnings.add("The " + CELLS_TABLE + " has cells of samples not measured (ignored): " + String.join(", ", unknown));
        }
        try (Atlas atlas = settings().atlas.open(progress.slice(0, 0.02))) {
            RegionVolumes regionVolumes = RegionVolumes.measure(atlas, progress.slice(0.02, 0.05));
            int n = samples.size();
            for (int i = 0; i < n; i++) {
                progress.checkCanceled();
                VolumeRow row = samples.get(i);
                Progress p = progress.slice(0.05 + 0.95 * i / n, 0.05 + 0.95 * (i + 1) / n)
                        .labelled(row.sampleId() + " (" + (i + 1) + " of " + n + ")");
                measureSample(row, transformDirs.get(row.sampleId()), atlas, regionVolumes, cells.get(row.sampleId()), fibre, p, warnings).rows()
                        .forEach(rows);
            }
            progress.report(1, null);
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("; ", warnings));
        }
        return samples.size();
    }

    /** One sample; errors name the sample (the engine's name the folder or file only), warnings too. */
    private static AxonDensityRun.Result measureSample(VolumeRow row, Path transformDir, Atlas atlas, RegionVolumes regionVolumes,
            AxonDensityRun.Cells cells, FibreSettings settings, Progress progress, List<String> warnings) {
        try {
            Path folder = MappingRun.transformFolder(transformDir, MappingRun.TRANSFORM_DIR);
            AtlasTransform transform = MappingRun.loadTransform(folder);
            try (Volume<?> volume = Volumes.open(row.path(), row.readOptions())) {
                settings.resolutionConcern(volume.voxelSizeUm()).ifPresent(c -> warnings.add("Sample " + row.sampleId() + ": " + c));
                return AxonDensityRun.run(row.sampleId(), volume, row.path(), atlas, regionVolumes, transform, folder, cells, settings, progress);
            }
        } catch (InputException e) {
            throw new InputException("Sample " + row.sampleId() + ": " + e.getMessage(), e);
        }
    }
}
