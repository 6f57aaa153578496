package org.neuroatlas.knime.atlasontology;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.OntologyTable;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.atlas.SummaryLevel;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;

/** Outputs an atlas's ontology at a summary level, with region volumes per hemisphere. */
final class AtlasOntologyNodeModel extends SettingsNodeModel<AtlasOntologyNodeSettings> {

    AtlasOntologyNodeModel() {
        super(0, 1, new AtlasOntologyNodeSettings());
    }

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        return new DataTableSpec[] {KnimeTables.spec(OntologyTable.SCHEMA)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        List<Object[]> rows = KnimeProgress.run(exec, this::rows);
        return new BufferedDataTable[] {table(exec, OntologyTable.SCHEMA, rows)};
    }

    /** The table rows for the current settings (package-private: the OSGi tests call it). */
    List<Object[]> rows(Progress progress) {
        SummaryLevel level = SummaryLevel.parse(settings().level.getStringValue(), "Summary level");
        try (Atlas atlas = settings().atlas.open(progress.slice(0, 0.3))) {
            RegionVolumes volumes = RegionVolumes.measure(atlas, progress.slice(0.3, 1));
            if (!volumes.unknownLabels().isEmpty()) {
                setWarningMessage("The annotation holds " + volumes.unknownLabels().size() + " label(s) missing from the ontology "
                        + volumes.unknownLabels() + "; their voxels count towards no structure. Is the ontology the atlas's own?");
            }
            return OntologyTable.rows(atlas, level, volumes);
        }
    }
}
