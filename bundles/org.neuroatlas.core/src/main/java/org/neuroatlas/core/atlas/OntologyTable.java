package org.neuroatlas.core.atlas;

import java.util.ArrayList;
import java.util.List;

import org.neuroatlas.core.io.Column;
import org.neuroatlas.core.io.TableSchema;

/**
 * The ontology table: one row per structure of a summary level, with its volumes. Output of the Atlas Ontology node
 * and of {@code neuroatlas atlas ontology}.
 */
public final class OntologyTable {

    public static final TableSchema SCHEMA = TableSchema.of(
            Column.integer("id", "Structure id (as in the annotation volume)"),
            Column.string("acronym", "Acronym, e.g. VTA"),
            Column.string("name", "Full name"),
            Column.integer("parent_id", "Parent structure id (missing for the root)"),
            Column.integer("depth", "Depth in the ontology, 0 = root"),
            Column.string("path", "Structure id path from the root, e.g. /997/8/343/…/"),
            Column.string("colour", "Display colour, six hex digits"),
            Column.real("volume_mm3", "Volume of the structure with all its descendants, both hemispheres, mm³"),
            Column.real("volume_left_mm3", "Volume with descendants, left hemisphere (BrainGlobe convention), mm³"),
            Column.real("volume_right_mm3", "Volume with descendants, right hemisphere, mm³"),
            Column.real("volume_own_mm3", "Volume of the voxels labelled with this id itself, both hemispheres, mm³"),
            Column.string("atlas", "Atlas identity: name@version/resolution#label-checksum"));

    private OntologyTable() {
    }

    /** Rows for the structures of {@code level}, in ontology order. */
    public static List<Object[]> rows(Atlas atlas, SummaryLevel level, RegionVolumes volumes) {
        Ontology o = atlas.ontology();
        List<Object[]> rows = new ArrayList<>();
        for (int id : level.structures(o)) {
            Structure s = o.byId(id).orElseThrow();
            rows.add(new Object[] {s.id(), s.acronym(), s.name(), s.isRoot() ? null : s.parentId(), s.depth(), s.pathText(), s.colorHex(),
                volumes.totalMm3(id, null), volumes.totalMm3(id, Hemisphere.LEFT), volumes.totalMm3(id, Hemisphere.RIGHT), volumes.ownMm3(id, null),
                atlas.identity().key()});
        }
        return rows;
    }
}
