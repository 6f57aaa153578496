package org.neuroatlas.knime.common;

import java.util.List;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.study.SampleSheet;

/**
 * The statistics' inputs read from KNIME tables, for the nodes that compare or plot groups: the samples' groups
 * (from a volume table or a sample sheet table) and the per-sample region values, with the engine's rules and
 * messages.
 */
public final class StudyTables {

    /** The columns read from a region values table besides the value column (it may be wide, e.g. the Atlas Mapper's counts). */
    private static final List<String> VALUE_TABLE_COLUMNS = List.of(RegionValues.SAMPLE_ID, RegionValues.REGION, RegionValues.ACRONYM,
            RegionValues.REGION_ID, RegionValues.DEPTH, RegionValues.HEMISPHERE, RegionValues.ATLAS);

    private StudyTables() {
    }

    /** Sample → group and dose from a table with sample_id, group, dose_mg_kg; several rows per sample must agree. */
    public static SampleSheet sampleGroups(String name, DataTable samples) {
        return SampleSheet.groupsOfSamples(KnimeTables.text(name, samples, SampleSheet.SAMPLE_ID, SampleSheet.GROUP, SampleSheet.DOSE));
    }

    /** The per-sample values of {@code valueColumn}; every sample must be in {@code sheet}. */
    public static RegionValues regionValues(String name, DataTable values, String valueColumn, SampleSheet sheet) {
        String[] columns = VALUE_TABLE_COLUMNS.toArray(new String[VALUE_TABLE_COLUMNS.size() + 1]);
        columns[columns.length - 1] = valueColumn;
        return RegionValues.read(List.of(KnimeTables.text(name, values, columns)), valueColumn, sheet.sampleIds());
    }

    /** At configure: the columns the samples' groups are read from. */
    public static void checkSampleColumns(String name, DataTableSpec samples) throws InvalidSettingsException {
        NodeSettingsSupport.checked(() -> KnimeTables.header(name, samples).requireColumns(SampleSheet.SAMPLE_ID, SampleSheet.GROUP, SampleSheet.DOSE));
    }

    /** At configure: the columns region values are read from (the engine's check, on a table of no rows). */
    public static void checkValueColumns(String name, DataTableSpec values, String valueColumn) throws InvalidSettingsException {
        NodeSettingsSupport.checked(() -> RegionValues.read(List.of(KnimeTables.header(name, values)), valueColumn, List.of()));
    }
}
