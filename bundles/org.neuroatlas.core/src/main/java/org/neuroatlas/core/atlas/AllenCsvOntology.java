package org.neuroatlas.core.atlas;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.io.TableSchema;

/**
 * Reads and writes Allen's flat structure table ({@code structure_tree_safe_2017.csv} style: one row per
 * structure, the root's {@code parent_structure_id} empty). Extra columns (atlas_id, safe_name, …) are ignored.
 */
final class AllenCsvOntology {

    static final String ID = "id";
    static final String ACRONYM = "acronym";
    static final String NAME = "name";
    static final String PARENT = "parent_structure_id";
    static final String DEPTH = "depth";
    static final String PATH = "structure_id_path";
    static final String COLOR = "color_hex_triplet";
    static final String GRAPH_ORDER = "graph_order";

    private static final TableSchema SCHEMA = TableSchema.of(
            Column.integer(ID, "structure id, as in the annotation volume"),
            Column.string(ACRONYM, "acronym"),
            Column.string(NAME, "full name"),
            Column.integer(PARENT, "id of the parent structure; empty for the root"),
            Column.integer(DEPTH, "0 for the root, parent's depth + 1 otherwise"),
            Column.string(PATH, "ids from the root down to the structure, as /997/8/567/"),
            Column.string(COLOR, "display colour as six hex digits"),
            Column.integer(GRAPH_ORDER, "position in a depth-first listing of the tree"));

    private static final String REMEDY = "Use an Allen structure table such as structure_tree_safe_2017.csv, or the atlas's original ontology file";

    private AllenCsvOntology() {
    }

    private record Row(Structure structure, Integer graphOrder) {
    }

    static Ontology read(Path file) {
        CsvTable t = CsvTable.read(file);
        t.requireColumns(ID, ACRONYM, NAME, PARENT);
        if (t.size() == 0) {
            throw InputException.file(file, "has a header but no structures", REMEDY);
        }
        boolean hasOrder = t.hasColumn(GRAPH_ORDER);
        List<Row> rows = new ArrayList<>(t.size());
        for (int r = 0; r < t.size(); r++) {
            int id = integer(t, r, ID);
            String acronym = t.get(r, ACRONYM);
            if (acronym.isEmpty()) {
                throw t.error(r, ACRONYM, "empty acronym for structure " + id, REMEDY);
            }
            int parent = t.get(r, PARENT).isEmpty() ? Structure.NO_PARENT : integer(t, r, PARENT);
            int depth = t.get(r, DEPTH).isEmpty() ? Ontology.UNKNOWN_DEPTH : integer(t, r, DEPTH);
            List<Integer> path = List.of();
            if (!t.get(r, PATH).isEmpty()) {
                path = AllenJsonOntology.parsePath(t.get(r, PATH));
                if (path == null) {
                    throw t.error(r, PATH, "'" + t.get(r, PATH) + "' is not a structure path", "Write it as /997/8/567/ (ids from the root down)");
                }
            }
            String color = t.get(r, COLOR);
            if (color.isEmpty()) {
                color = AllenJsonOntology.DEFAULT_COLOR;
            } else if (!AllenJsonOntology.HEX_COLOR.matcher(color).matches()) {
                throw t.error(r, COLOR, "'" + color + "' is not a colour", "Write it as six hex digits such as FF7080");
            }
            Integer order = null;
            if (hasOrder && !t.get(r, GRAPH_ORDER).isEmpty()) {
                order = integer(t, r, GRAPH_ORDER);
            } else {
                hasOrder = false;
            }
            rows.add(new Row(new Structure(id, acronym, t.get(r, NAME), parent, depth, path, color.toUpperCase(Locale.ROOT)), order));
        }
        if (hasOrder) {
            rows.sort(Comparator.comparingInt(Row::graphOrder));
        }
        return Ontology.of(file.toString(), rows.stream().map(Row::structure).toList());
    }

    private static int integer(CsvTable t, int row, String column) {
        String s = t.get(row, column);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw t.error(row, column, "'" + s + "' is not an integer", REMEDY);
        }
    }

    static void write(Ontology o, Path file) throws IOException {
        List<Object[]> rows = new ArrayList<>(o.size());
        int order = 0;
        for (Structure s : o.structures()) {
            rows.add(new Object[] {s.id(), s.acronym(), s.name(), s.isRoot() ? null : s.parentId(), s.depth(), s.pathText(), s.colorHex(), order++});
        }
        CsvTableWriter.write(file, SCHEMA, rows);
    }
}
