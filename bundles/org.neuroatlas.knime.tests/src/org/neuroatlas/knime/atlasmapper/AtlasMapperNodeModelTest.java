package org.neuroatlas.knime.atlasmapper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.DataContainer;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.neuroatlas.knime.tests.SettingsXml;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.MappedCellTable;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.detect.run.DetectionRun;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.knime.cohortsimulator.TinyCohort;
import org.neuroatlas.knime.common.KnimeTables;

/**
 * The Atlas Mapper node inside OSGi: specs at configure, settings checks, and the tiny simulated cohort's true
 * cells mapped through each brain's true transform back to the regions they were placed in.
 */
class AtlasMapperNodeModelTest {

    /** The ground-truth cells of every brain of the tiny cohort (cells.csv has sample_id), all columns as text. */
    static DataTable cellsTable(TinyCohort cohort) {
        List<String> header = null;
        List<DataRow> rows = new ArrayList<>();
        for (String id : sampleIds(cohort)) {
            CsvTable t = CsvTable.read(cohort.folder.resolve(id).resolve(CohortSimulator.CELLS));
            header = t.header();
            for (int r = 0; r < t.size(); r++) {
                assertEquals(id, t.get(r, "sample_id"));
                List<DataCell> cells = new ArrayList<>();
                for (String c : header) {
                    cells.add(new StringCell(t.get(r, c)));
                }
                rows.add(new DefaultRow("cell" + rows.size(), cells));
            }
        }
        List<DataColumnSpec> columns = new ArrayList<>();
        header.forEach(c -> columns.add(new DataColumnSpecCreator(c, StringCell.TYPE).createSpec()));
        DataContainer c = new DataContainer(new DataTableSpec(columns.toArray(DataColumnSpec[]::new)));
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    static List<String> sampleIds(TinyCohort cohort) {
        return cohort.cohort.sampleSheet().samples().stream().map(s -> s.sampleId()).toList();
    }

    /** A registration table pointing at each simulated brain's true transform. */
    static DataTable registrationTable(TinyCohort cohort) {
        List<Object[]> rows = new ArrayList<>();
        for (String id : sampleIds(cohort)) {
            Path regdir = cohort.folder.resolve(id).toAbsolutePath();
            rows.add(new Object[] {id, regdir.toString(), regdir.resolve(CohortSimulator.TRANSFORM).toString(), "x", 0.0, 1.0, 1.0, 1.0, 0L, 0.0});
        }
        return TinyCohort.table(KnimeTables.spec(RegistrationRun.SUMMARY), RegistrationRun.SUMMARY, rows);
    }

    @Test
    void configureGivesTheMappedAndCountsSpecsAndChecksTheInputColumns() throws Exception {
        AtlasMapperNodeModel m = new AtlasMapperNodeModel();
        DataTableSpec[] specs = m.configure(new DataTableSpec[] {KnimeTables.spec(DetectionRun.CELLS), KnimeTables.spec(RegistrationRun.SUMMARY)});
        assertEquals(List.of(MappedCellTable.schema(DetectionRun.CELLS).names()), List.of(specs[0].getColumnNames()));
        assertEquals(List.of(RegionCounts.SCHEMA.names()), List.of(specs[1].getColumnNames()));
        assertEquals(KnimeTables.spec(RegionCounts.SCHEMA), specs[1]);
        // Input columns named like a mapped one are replaced (e.g. a simulated brain's true region_id).
        DataTableSpec withRegion = new DataTableSpec(new DataColumnSpecCreator("sample_id", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("x_um", StringCell.TYPE).createSpec(), new DataColumnSpecCreator("y_um", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("z_um", StringCell.TYPE).createSpec(), new DataColumnSpecCreator("region_id", StringCell.TYPE).createSpec());
        DataTableSpec mapped = m.configure(new DataTableSpec[] {withRegion, KnimeTables.spec(RegistrationRun.SUMMARY)})[0];
        List<String> expected = new ArrayList<>(List.of("sample_id", "x_um", "y_um", "z_um"));
        expected.addAll(List.of(MappedCellTable.MAPPED.names()));
        assertEquals(expected, List.of(mapped.getColumnNames()));
        DataTableSpec noSample = new DataTableSpec(new DataColumnSpecCreator("x_um", StringCell.TYPE).createSpec());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> m.configure(new DataTableSpec[] {noSample, KnimeTables.spec(RegistrationRun.SUMMARY)}));
        assertTrue(e.getMessage().startsWith("cells table (input port 0): missing column(s) sample_id, y_um, z_um"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[] {KnimeTables.spec(DetectionRun.CELLS), noSample}));
        assertTrue(e.getMessage().startsWith("registration table (input port 1): missing column(s) sample_id, transform_dir"), e.getMessage());
    }

    @Test
    void mapsTrueCellsBackToTheirRegionsAndCountsAsTheEngine() throws Exception {
        TinyCohort cohort = TinyCohort.get();
        AtlasMapperNodeModel m = new AtlasMapperNodeModel();
        m.settings().regions.setStringValue("VTA,SNc");
        DataTable cells = cellsTable(cohort);
        List<DataRow> mapped = new ArrayList<>();
        List<Object[]> counts = new ArrayList<>();
        assertEquals(sampleIds(cohort).size(), m.map(cells, registrationTable(cohort), Progress.NONE, mapped::add, counts::add));
        // Every input row, same key and order, with the mapped columns after the kept ones.
        DataTableSpec spec = AtlasMapperNodeModel.mappedSpec(cells.getDataTableSpec());
        DataContainer check = new DataContainer(spec);
        int regionColumn = spec.findColumnIndex("region_id");
        int r = 0, inBrain = 0;
        for (String id : sampleIds(cohort)) {
            CsvTable truth = CsvTable.read(cohort.folder.resolve(id).resolve(CohortSimulator.CELLS));
            for (int i = 0; i < truth.size(); i++, r++) {
                DataRow row = mapped.get(r);
                assertEquals("cell" + r, row.getKey().getString());
                assertEquals(id, ((StringValue) row.getCell(spec.findColumnIndex("sample_id"))).getStringValue());
                int region = ((IntValue) row.getCell(regionColumn)).getIntValue();
                assertEquals(Integer.parseInt(truth.get(i, "region_id")), region, id + " cell " + i);
                inBrain += region != 0 ? 1 : 0;
                check.addRowToTable(row);
            }
        }
        check.close();
        assertEquals(r, mapped.size());
        assertTrue(inBrain > 0, "the crop holds cells in the brain");
        // The counts are exactly the engine's, sample by sample.
        List<Object[]> expected = new ArrayList<>();
        try (Atlas atlas = Atlas.openOrDemo("demo", OptionalDouble.empty(), Progress.NONE)) {
            RegionVolumes volumes = RegionVolumes.measure(atlas, Progress.NONE);
            List<Integer> requested = MappingRun.requestedRegions(atlas, "VTA,SNc", "Regions");
            for (String id : sampleIds(cohort)) {
                Path folder = MappingRun.transformFolder(cohort.folder.resolve(id), "test");
                CellPositions p = CellPositions.read(cohort.folder.resolve(id).resolve(CohortSimulator.CELLS));
                expected.addAll(MappingRun.map(atlas, id, p, MappingRun.loadTransform(folder), folder, Progress.NONE)
                        .countRows(atlas, volumes, requested));
            }
        }
        assertEquals(expected.size(), counts.size());
        for (int i = 0; i < counts.size(); i++) {
            RegionCounts.SCHEMA.check(counts.get(i));
            assertArrayEquals(expected.get(i), counts.get(i), "count row " + i);
        }
    }

    @Test
    void aSampleWithoutRegistrationIsNamed() throws Exception {
        TinyCohort cohort = TinyCohort.get();
        List<Object[]> one = List.<Object[]>of(new Object[] {"other", "/r", "/r/transform", "x", 0.0, 1.0, 1.0, 1.0, 0L, 0.0});
        DataTable registrations = TinyCohort.table(KnimeTables.spec(RegistrationRun.SUMMARY), RegistrationRun.SUMMARY, one);
        InputException e = assertThrows(InputException.class,
                () -> new AtlasMapperNodeModel().map(cellsTable(cohort), registrations, Progress.NONE, r -> { }, r -> { }));
        assertTrue(e.getMessage().contains("has no row in the registration table (input port 1) (samples there: other)"), e.getMessage());
    }

    @Test
    void badSettingsAreRejectedWithClearMessages() throws Exception {
        AtlasMapperNodeModel m = new AtlasMapperNodeModel();
        m.settings().regions.setStringValue("depth:x");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> m.configure(new DataTableSpec[] {KnimeTables.spec(DetectionRun.CELLS), KnimeTables.spec(RegistrationRun.SUMMARY)}));
        assertTrue(e.getMessage().contains("Regions"), e.getMessage());
        AtlasMapperNodeModel a = new AtlasMapperNodeModel();
        a.settings().atlas.atlas.setStringValue("/no/such/atlas");
        e = assertThrows(InvalidSettingsException.class,
                () -> a.configure(new DataTableSpec[] {KnimeTables.spec(DetectionRun.CELLS), KnimeTables.spec(RegistrationRun.SUMMARY)}));
        assertTrue(e.getMessage().contains("Atlas folder does not exist"), e.getMessage());
        NodeSettings s = new NodeSettings("model");
        m.settings().saveSettingsTo(s);
        assertThrows(InvalidSettingsException.class, () -> new AtlasMapperNodeModel().settings().validateSettings(s));
    }

    @Test
    void nonDefaultSettingsRoundTrip() throws Exception {
        AtlasMapperNodeModel a = new AtlasMapperNodeModel();
        a.settings().regions.setStringValue("major");
        a.settings().atlas.resolutionUm.setDoubleValue(50);
        String xml = SettingsXml.of(a.settings());
        AtlasMapperNodeModel b = new AtlasMapperNodeModel();
        SettingsXml.load(xml, b.settings());
        assertEquals("major", b.settings().regions.getStringValue());
        assertEquals(50.0, b.settings().atlas.resolutionUm.getDoubleValue());
        assertEquals(xml, SettingsXml.of(b.settings()));
    }
}
