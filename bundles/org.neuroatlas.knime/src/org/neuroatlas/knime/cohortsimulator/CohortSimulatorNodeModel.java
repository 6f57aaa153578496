package org.neuroatlas.knime.cohortsimulator;

import java.io.IOException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.GroundTruth;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;

/** Simulates a cohort into the output folder; outputs its sample sheet and the true per-region values. */
final class CohortSimulatorNodeModel extends SettingsNodeModel<CohortSimulatorNodeSettings> {

    /** Port 0: the cohort's samples.csv as a table (the simulator always writes both channels, voxel size and orientation). */
    static final TableSchema SAMPLE_SHEET = SampleSheet.TWO_CHANNEL_SCHEMA;

    CohortSimulatorNodeModel() {
        super(0, 2, new CohortSimulatorNodeSettings());
    }

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        if (settings().crop.getStringValue().isBlank()) {
            setWarningMessage("No crop: every brain is simulated whole (tens of GB per brain and channel at 5 µm); set Crop for a quick test");
        }
        return new DataTableSpec[] {KnimeTables.spec(SAMPLE_SHEET), KnimeTables.spec(GroundTruth.REGIONS)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        CohortSimulator.Cohort cohort = KnimeProgress.run(exec, this::simulate);
        return new BufferedDataTable[] {table(exec, SAMPLE_SHEET, cohort.sampleSheet().rows(SAMPLE_SHEET)),
            table(exec, GroundTruth.REGIONS, cohort.regionTruth())};
    }

    /** Simulates the cohort for the current settings (package-private: the OSGi tests call it). */
    CohortSimulator.Cohort simulate(Progress progress) throws IOException, InvalidSettingsException {
        return CohortSimulator.run(settings().simulationSettings(), settings().outputFolderValue(), progress);
    }
}
