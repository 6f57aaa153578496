package org.neuroatlas.knime.groupstatistics;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.stats.StatsSettings;
import org.neuroatlas.knime.common.NodeSettingsSupport;
import org.neuroatlas.knime.common.StudyTables;

/**
 * Settings of the Group Statistics node: those of {@code ./neuroatlas stats} (--control, --value-column, --regions,
 * --min-n, --fdr, --pseudo-count, --missing), checked by the same engine code with the dialog's labels in messages.
 */
final class GroupStatisticsNodeSettings extends NodeSettingsSupport {

    /** How engine messages name the settings: the dialog labels below. */
    static final StatsSettings.Names NAMES = new StatsSettings.Names("Control group", "Value column", "Regions", "Minimum n per group", "FDR",
            "Pseudo-count", "Missing rows");

    /** Empty by default: the group names are the user's; configure asks for one. */
    final SettingsModelString control = add(new SettingsModelString("control_group", ""), NAMES.control());
    final SettingsModelString valueColumn = add(new SettingsModelString("value_column", "count"), NAMES.valueColumn());
    /** Empty = every region of the values. */
    final SettingsModelString regions = add(new SettingsModelString("regions", ""), NAMES.regions());
    final SettingsModelInteger minN = add(new SettingsModelInteger("min_n", 3), NAMES.minN());
    final SettingsModelDouble fdr = add(new SettingsModelDouble("fdr", 0.05), NAMES.fdr());
    final SettingsModelDouble pseudoCount = add(new SettingsModelDouble("pseudo_count", 1), NAMES.pseudoCount());
    final SettingsModelString missing = add(new SettingsModelString("missing", "zero"), NAMES.missing());

    @Override
    protected GroupStatisticsNodeSettings newInstance() {
        return new GroupStatisticsNodeSettings();
    }

    @Override
    public void check(boolean filesMustExist) throws InvalidSettingsException {
        checked(this::statsSettings);
    }

    /** The engine's settings. @throws org.neuroatlas.core.InputException naming the first bad setting by its label */
    StatsSettings statsSettings() {
        return StatsSettings.parse(control.getStringValue(), valueColumn.getStringValue(), regions.getStringValue(), minN.getIntValue(),
                fdr.getDoubleValue(), pseudoCount.getDoubleValue(), missing.getStringValue(), NAMES);
    }

    /** Checks that the input tables have the columns the engine reads (at configure, before there are rows). */
    void checkInputs(DataTableSpec values, DataTableSpec samples) throws InvalidSettingsException {
        StudyTables.checkValueColumns(GroupStatisticsNodeModel.VALUES_TABLE, values, valueColumn.getStringValue().trim());
        StudyTables.checkSampleColumns(GroupStatisticsNodeModel.SAMPLE_TABLE, samples);
    }
}
