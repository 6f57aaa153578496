package org.neuroatlas.knime.atlasontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.OntologyTable;
import org.neuroatlas.knime.tests.OsgiTestSupport;

/** The Atlas Ontology node inside OSGi, on the demo atlas and on the real CCF files. */
class AtlasOntologyNodeModelTest {

    @Test
    void demoAtlasAtMajorDivisions() throws Exception {
        AtlasOntologyNodeModel m = new AtlasOntologyNodeModel();
        m.settings().level.setStringValue("major");
        DataTableSpec spec = m.configure(new DataTableSpec[0])[0];
        for (int i = 0; i < OntologyTable.SCHEMA.size(); i++) {
            assertEquals(OntologyTable.SCHEMA.column(i).name(), spec.getColumnSpec(i).getName());
        }
        List<Object[]> rows = m.rows(Progress.NONE);
        assertEquals(12, rows.size());
        assertTrue(((String) rows.get(0)[11]).startsWith("neuroatlas-demo@1/100um#"));
    }

    @Test
    void realAtlasRegionsWithVolumes() throws Exception {
        AtlasOntologyNodeModel m = new AtlasOntologyNodeModel();
        m.settings().atlas.atlas.setStringValue(OsgiTestSupport.shared().resolve("atlas").toString());
        m.settings().atlas.resolutionUm.setDoubleValue(100);
        m.settings().level.setStringValue("VTA,SNc");
        m.configure(new DataTableSpec[0]);
        List<Object[]> rows = m.rows(Progress.NONE);
        assertEquals(2, rows.size());
        assertEquals("VTA", rows.get(0)[1]);
        double vta = (Double) rows.get(0)[7];
        assertEquals(vta, (Double) rows.get(0)[8] + (Double) rows.get(0)[9], 1e-9);
        assertTrue(vta > 0.2 && vta < 2, "VTA " + vta);
        assertTrue(((String) rows.get(0)[11]).startsWith("allen_mouse_ccf@CCFv3-2017/100um#"));
    }

    @Test
    void badSummaryLevelIsRejectedAtConfigure() {
        AtlasOntologyNodeModel m = new AtlasOntologyNodeModel();
        m.settings().level.setStringValue("depth:x");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[0]));
        assertTrue(e.getMessage().contains("Summary level"), e.getMessage());
    }
}
