package org.neuroatlas.core.density;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.atlas.Structure;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;

/**
 * The mapped-cells table, identical in the CSV the CLI writes and the KNIME node's output: the input cell table's
 * columns, then {@link #MAPPED} (input columns with the same names as these are replaced, e.g. when the simulator's
 * {@code cells.csv}, which has true {@code region_id} and {@code hemisphere}, is mapped).
 */
public final class MappedCellTable {

    /** The columns mapping adds, in this order. */
    public static final TableSchema MAPPED = TableSchema.of(
            Column.real("atlas_x_um", "Cell centre in atlas space, µm along AP (atlas x), from the first atlas voxel's centre"),
            Column.real("atlas_y_um", "Cell centre in atlas space, µm along DV (atlas y)"),
            Column.real("atlas_z_um", "Cell centre in atlas space, µm along LR (atlas z)"),
            Column.integer("region_id", "Annotation label of the atlas voxel nearest to the cell (finest level); 0 outside the brain or atlas"),
            Column.string("acronym", "Acronym of region_id; empty if none"),
            Column.string("hemisphere", "left or right (BrainGlobe convention: higher LR index is left); empty outside the atlas grid"),
            Column.string("structure_id_path", "Ids from the root down to region_id, Allen style /997/8/…/; all ancestor levels; empty if none"),
            Column.string("mapping_status", "in_brain, outside_brain (label 0), outside_atlas (beyond the atlas grid) or unknown_label "
                    + "(label not in the ontology); only in_brain cells are counted"),
            Column.string("atlas", "Atlas identity key"));

    private MappedCellTable() {
    }

    /** Input columns kept (in input order): all but those named like a {@link #MAPPED} column. */
    public static List<String> keptInputColumns(List<String> inputColumns) {
        Set<String> mapped = Set.of(MAPPED.names());
        return inputColumns.stream().filter(c -> !mapped.contains(c)).toList();
    }

    /** The whole table's schema for cells with {@code inputSchema}'s columns. */
    public static TableSchema schema(TableSchema inputSchema) {
        Set<String> kept = Set.copyOf(keptInputColumns(List.of(inputSchema.names())));
        List<Column> columns = new ArrayList<>();
        for (Column c : inputSchema.columns()) {
            if (kept.contains(c.name())) {
                columns.add(c);
            }
        }
        columns.addAll(MAPPED.columns());
        return new TableSchema(columns);
    }

    /** The {@link #MAPPED} values of one cell. */
    public static Object[] values(MappedCell c, Ontology ontology, String atlasKey) {
        Structure s = c.status() == MappingStatus.IN_BRAIN ? ontology.require(c.regionId()) : null;
        return new Object[] {c.atlasXUm(), c.atlasYUm(), c.atlasZUm(), c.regionId(), s == null ? "" : s.acronym(),
            c.hemisphere() == null ? "" : c.hemisphere().label(), s == null ? "" : s.pathText(), c.status().label(), atlasKey};
    }
}
