package org.neuroatlas.core.atlas;

import java.util.List;

/**
 * One region of an atlas ontology, e.g. VTA (id 749, "Ventral tegmental area").
 *
 * @param id       structure id as used in the annotation volume (Allen ids, up to 614454277)
 * @param acronym  acronym, case as the ontology writes it (look-ups are case-exact)
 * @param name     full name
 * @param parentId id of the parent, or {@link #NO_PARENT} for the root
 * @param depth    0 for the root, parent's depth + 1 otherwise
 * @param path     ids from the root down to this structure, inclusive (Allen's structure_id_path)
 * @param colorHex display colour as six hex digits, e.g. {@code FF7080}
 */
public record Structure(int id, String acronym, String name, int parentId, int depth, List<Integer> path, String colorHex) {

    /** The parent id of the root. */
    public static final int NO_PARENT = -1;

    public Structure {
        path = List.copyOf(path);
    }

    public boolean isRoot() {
        return parentId == NO_PARENT;
    }

    /** Allen's structure_id_path text: {@code /997/8/567/…/}. */
    public String pathText() {
        StringBuilder sb = new StringBuilder("/");
        for (int i : path) {
            sb.append(i).append('/');
        }
        return sb.toString();
    }
}
