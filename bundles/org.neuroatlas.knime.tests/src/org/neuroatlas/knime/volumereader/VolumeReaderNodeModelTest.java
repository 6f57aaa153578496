package org.neuroatlas.knime.volumereader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.neuroatlas.knime.tests.SettingsXml;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.knime.cohortsimulator.TinyCohort;
import org.neuroatlas.knime.tests.OsgiTestSupport;

/** The Volume Reader node inside OSGi: settings, configure-time spec and rows from real files. */
class VolumeReaderNodeModelTest {

    private static Path sheet(String body) throws Exception {
        Path dir = Files.createTempDirectory("volume-reader");
        Path p = dir.resolve("samples.csv");
        Files.writeString(p, body);
        return p;
    }

    @Test
    void sampleSheetGivesTheVolumeTableSpecAtConfigureAndOneRowPerChannel() throws Exception {
        Path crop = OsgiTestSupport.shared().resolve("testdata/cellfinder_detection_crop/crop_planes").toAbsolutePath();
        Path p = sheet("sample_id,group,dose_mg_kg,signal_path,autofluorescence_path,voxel_um_x,voxel_um_y,voxel_um_z\n"
                + "crop,saline,0," + crop.resolve("ch0") + "," + crop.resolve("ch1") + ",2,2,5\n");
        VolumeReaderNodeModel m = new VolumeReaderNodeModel();
        m.settings().path.setStringValue(p.toString());
        DataTableSpec[] spec = m.configure(new DataTableSpec[1]);
        assertEquals(VolumeTable.SCHEMA.size(), spec[0].getNumColumns());
        for (int i = 0; i < VolumeTable.SCHEMA.size(); i++) {
            assertEquals(VolumeTable.SCHEMA.column(i).name(), spec[0].getColumnSpec(i).getName());
        }
        List<Object[]> rows = m.rows(null, Progress.NONE);
        assertEquals(2, rows.size());
        Object[] r = rows.get(0);
        assertEquals("crop", r[0]);
        assertEquals("signal", r[3]);
        assertEquals("tiff-series", r[5]);
        assertArrayEquals(new Object[] {667L, 510L, 30L, 2.0, 2.0, 5.0}, new Object[] {r[6], r[7], r[8], r[9], r[10], r[11]});
        assertEquals("uint16", r[13]);
        assertEquals(667L * 510 * 30 * 2, r[14]);
        assertEquals("autofluorescence", rows.get(1)[3]);
    }

    @Test
    void badSettingsAreRejectedWithAMessageNamingTheSetting() throws Exception {
        VolumeReaderNodeModel m = new VolumeReaderNodeModel();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[1]));
        assertTrue(e.getMessage().contains("sample sheet"), e.getMessage());
        m.settings().path.setStringValue("/no/such/file.csv");
        e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[1]));
        assertTrue(e.getMessage().contains("/no/such/file.csv"), e.getMessage());
        // Validation of would-be settings (what KNIME calls before applying a dialog or a workflow's settings).
        VolumeReaderNodeModel other = new VolumeReaderNodeModel();
        other.settings().path.setStringValue("x.csv");
        other.settings().voxelSizeUm.setStringValue("2,2");
        NodeSettings s = new NodeSettings("model");
        other.settings().saveSettingsTo(s);
        e = assertThrows(InvalidSettingsException.class, () -> m.settings().validateSettings(s));
        assertTrue(e.getMessage().contains("Voxel size (µm)"), e.getMessage());
    }

    @Test
    void nonDefaultSettingsRoundTrip() throws Exception {
        VolumeReaderNodeModel a = new VolumeReaderNodeModel();
        a.settings().mode.setStringValue(VolumeReaderNodeSettings.MODE_SINGLE);
        a.settings().path.setStringValue("/data/brain.tif");
        a.settings().doseMgKg.setDoubleValue(30);
        a.settings().voxelSizeUm.setStringValue("2,2,4");
        a.settings().orientation.setStringValue("psl");
        a.settings().level.setIntValue(2);
        String xml = SettingsXml.of(a.settings());
        VolumeReaderNodeModel b = new VolumeReaderNodeModel();
        SettingsXml.load(xml, b.settings());
        assertEquals(VolumeReaderNodeSettings.MODE_SINGLE, b.settings().mode.getStringValue());
        assertEquals(30.0, b.settings().doseMgKg.getDoubleValue());
        assertEquals("psl", b.settings().orientation.getStringValue());
        assertEquals(2, b.settings().level.getIntValue());
        assertEquals(xml, SettingsXml.of(b.settings()));
    }

    @Test
    void readsTheCohortSimulatorsSampleSheetTableInsteadOfAFile() throws Exception {
        TinyCohort cohort = TinyCohort.get();
        VolumeReaderNodeModel m = new VolumeReaderNodeModel();
        // No path: a connected table makes the file setting unnecessary, in validation and in configure.
        NodeSettings s = new NodeSettings("model");
        m.settings().saveSettingsTo(s);
        m.settings().validateSettings(s);
        DataTableSpec[] spec = m.configure(new DataTableSpec[] {cohort.specs[0]});
        assertEquals(VolumeTable.SCHEMA.size(), spec[0].getNumColumns());
        // A stale path setting is ignored too.
        m.settings().path.setStringValue("/no/such/samples.csv");
        m.configure(new DataTableSpec[] {cohort.specs[0]});
        List<Object[]> rows = m.rows(cohort.sampleSheetTable(), Progress.NONE);
        assertEquals(6, rows.size(), "3 brains x 2 channels");
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            Object[] sample = cohort.sampleSheetRows().get(i / 2);
            assertEquals(sample[0], r[0]);
            assertEquals(sample[1], r[1]);
            assertEquals(sample[2], r[2]);
            assertEquals(i % 2 == 0 ? "signal" : "autofluorescence", r[3]);
            assertEquals(sample[i % 2 == 0 ? 3 : 4], r[4]);
            assertEquals("tiff-series", r[5]);
            long[] dims = cohort.cohort.brains().get(i / 2).dimensions();
            assertArrayEquals(new Object[] {dims[0], dims[1], dims[2], 10.0, 10.0, 10.0, "psl", "uint16"},
                    new Object[] {r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13]});
        }
    }

    @Test
    void aSampleSheetTableIsCheckedLikeACsv() throws Exception {
        VolumeReaderNodeModel m = new VolumeReaderNodeModel();
        DataTableSpec noGroup = new DataTableSpec(new DataColumnSpecCreator("sample_id", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("dose_mg_kg", DoubleCell.TYPE).createSpec(), new DataColumnSpecCreator("signal_path", StringCell.TYPE).createSpec());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[] {noGroup}));
        assertEquals("sample sheet table (input port): missing column(s) group (found: sample_id, dose_mg_kg, signal_path). "
                + "Add the column(s) to the header line", e.getMessage());
        // Rows: an int dose and a relative path, as a hand-made table might have them.
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("sample_id", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("group", StringCell.TYPE).createSpec(), new DataColumnSpecCreator("dose_mg_kg", IntCell.TYPE).createSpec(),
                new DataColumnSpecCreator("signal_path", StringCell.TYPE).createSpec());
        m.configure(new DataTableSpec[] {spec});
        DataContainer c = new DataContainer(spec);
        c.addRowToTable(new DefaultRow("brain-a", new StringCell("A"), new StringCell("saline"), new IntCell(0), new StringCell("brains/a")));
        c.close();
        InputException bad = assertThrows(InputException.class, () -> m.rows(c.getTable(), Progress.NONE));
        assertEquals("sample sheet table (input port): row 1 (brain-a), column signal_path: 'brains/a' is a relative path, and a table has no "
                + "folder to resolve it against. Give absolute paths, or read the sheet from a CSV file (relative paths then resolve against "
                + "its folder)", bad.getMessage());
    }
}
