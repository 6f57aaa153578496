package org.neuroatlas.knime.atlasmapper;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuroatlas.core.atlas.SummaryLevel;
import org.neuroatlas.core.density.MappingRun;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.knime.common.AtlasSettings;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.common.NodeSettingsSupport;

/** Settings of the Atlas Mapper node: the atlas the samples were registered to, and the regions to list (the CLI's {@code map --regions}). */
final class AtlasMapperNodeSettings extends NodeSettingsSupport {

    final AtlasSettings atlas = new AtlasSettings(this);
    /** Empty = only regions with cells, as {@code map} without {@code --regions}. */
    final SettingsModelString regions = add(new SettingsModelString("regions", ""), "Regions");

    @Override
    protected AtlasMapperNodeSettings newInstance() {
        return new AtlasMapperNodeSettings();
    }

    @Override
    public void check(boolean filesMustExist) throws InvalidSettingsException {
        atlas.check(filesMustExist);
        // The syntax here; whether the acronyms exist in the atlas is checked when it is open (execute).
        if (!regions.getStringValue().isBlank()) {
            checked(() -> SummaryLevel.parse(regions.getStringValue(), "Regions"));
        }
    }

    /** Checks that the input tables have the columns mapping reads (at configure, before there are rows). */
    static void checkInputs(DataTableSpec cells, DataTableSpec registrations) throws InvalidSettingsException {
        checked(() -> KnimeTables.header(AtlasMapperNodeModel.CELLS_TABLE, cells).requireColumns(MappingRun.SAMPLE_ID, CellPositions.X,
                CellPositions.Y, CellPositions.Z));
        checked(() -> KnimeTables.header(AtlasMapperNodeModel.REGISTRATION_TABLE, registrations).requireColumns(MappingRun.SAMPLE_ID,
                MappingRun.TRANSFORM_DIR));
    }
}
