package org.neuroatlas.knime.cohortsimulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.knime.common.KnimeTables;

/**
 * A tiny cohort simulated once per test run through the Cohort Simulator node model (demo atlas, null scenario, one
 * brain per group, a 300 µm box at 10 µm voxels, a tenth of the cells, no fibres: a few seconds), shared by the
 * simulator's tests and the Volume Reader's.
 */
public final class TinyCohort {

    /** Crop of every brain: a 300 µm cube in atlas µm (AP, DV, LR), in the midbrain of the demo atlas. */
    public static final String CROP = "box:8000,4000,4000,8300,4300,4300";

    private static TinyCohort instance;

    public final Path folder;
    /** The node's output specs, from configure. */
    public final DataTableSpec[] specs;
    public final CohortSimulator.Cohort cohort;

    private TinyCohort(Path folder, DataTableSpec[] specs, CohortSimulator.Cohort cohort) {
        this.folder = folder;
        this.specs = specs;
        this.cohort = cohort;
    }

    /** Node settings for the tiny cohort in {@code folder}. */
    static CohortSimulatorNodeModel model(Path folder) {
        CohortSimulatorNodeModel m = new CohortSimulatorNodeModel();
        CohortSimulatorNodeSettings s = m.settings();
        s.outputFolder.setStringValue(folder.toString());
        s.scenario.setStringValue("null");
        s.nPerGroup.setIntValue(1);
        s.crop.setStringValue(CROP);
        s.cellsScale.setDoubleValue(0.1);
        s.voxelSizeUm.setStringValue("10,10,10");
        s.fibres.setBooleanValue(false);
        return m;
    }

    public static synchronized TinyCohort get() throws Exception {
        if (instance == null) {
            Path parent = Files.createTempDirectory("neuroatlas-tiny-cohort");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    org.neuroatlas.core.io.AtomicFile.deleteRecursively(parent);
                } catch (java.io.IOException e) {
                    // a leftover temporary folder is harmless
                }
            }));
            Path folder = parent.resolve("cohort");
            CohortSimulatorNodeModel m = model(folder);
            DataTableSpec[] specs = m.configure(new DataTableSpec[0]);
            instance = new TinyCohort(folder, specs, m.simulate(Progress.NONE));
        }
        return instance;
    }

    /** Port 0's rows, as execute makes them. */
    public List<Object[]> sampleSheetRows() {
        return cohort.sampleSheet().rows(CohortSimulatorNodeModel.SAMPLE_SHEET);
    }

    /** Port 0 as a KNIME table (in memory; the stand-in cannot make BufferedDataTables). */
    public DataTable sampleSheetTable() {
        return table(specs[0], CohortSimulatorNodeModel.SAMPLE_SHEET, sampleSheetRows());
    }

    /** A KNIME table of engine rows; the container checks every cell against the spec's column types. */
    public static DataTable table(DataTableSpec spec, TableSchema schema, List<Object[]> rows) {
        DataContainer c = new DataContainer(spec);
        long i = 0;
        for (Object[] r : rows) {
            c.addRowToTable(KnimeTables.row(i++, schema, r));
        }
        c.close();
        return c.getTable();
    }
}
