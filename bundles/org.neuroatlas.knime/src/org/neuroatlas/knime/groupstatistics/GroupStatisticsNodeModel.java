package org.neuroatlas.knime.groupstatistics;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.stats.DoseComparison;
import org.neuroatlas.core.stats.DoseComparisonTable;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.stats.StatsSettings;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.SettingsNodeModel;
import org.neuroatlas.knime.common.StudyTables;

/**
 * Compares groups region by region: the node form of {@code ./neuroatlas stats}, on the same engine call
 * ({@link DoseComparison#run}), so the output has exactly the rows and columns of the command's CSV. The samples'
 * groups and doses come from a table that may hold several rows per sample (the volume table: one per channel).
 */
final class GroupStatisticsNodeModel extends SettingsNodeModel<GroupStatisticsNodeSettings> {

    /** How errors name the input tables. */
    static final String VALUES_TABLE = "region values table (input port 0)";
    static final String SAMPLE_TABLE = "sample table (input port 1)";

    GroupStatisticsNodeModel() {
        super(2, 1, new GroupStatisticsNodeSettings());
    }

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check(true);
        settings().checkInputs(inSpecs[0], inSpecs[1]);
        return new DataTableSpec[] {KnimeTables.spec(DoseComparisonTable.SCHEMA)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        DoseComparison.Result result = compare(inData[0], inData[1]);
        if (!result.samplesWithoutValues().isEmpty()) {
            setWarningMessage("Left out (in the sample table, without values): " + String.join(", ", result.samplesWithoutValues()));
        }
        return new BufferedDataTable[] {table(exec, DoseComparisonTable.SCHEMA, result.rows())};
    }

    /**
     * The dose comparison of the two input tables under the current settings (package-private: the OSGi tests call it).
     *
     * @throws org.neuroatlas.core.InputException naming the table, row and column, or the setting, of the first problem
     */
    DoseComparison.Result compare(DataTable values, DataTable samples) {
        StatsSettings s = settings().statsSettings();
        SampleSheet sheet = StudyTables.sampleGroups(SAMPLE_TABLE, samples);
        RegionValues rv = StudyTables.regionValues(VALUES_TABLE, values, s.valueColumn(), sheet);
        return DoseComparison.run(rv, sheet, s, GroupStatisticsNodeSettings.NAMES.control(), GroupStatisticsNodeSettings.NAMES.regions());
    }
}
