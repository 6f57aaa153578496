package org.neuroatlas.core.density;

/** Where a mapped cell landed in the atlas; written as {@link #label()} in the {@code mapping_status} column. */
public enum MappingStatus {
    /** On an annotation voxel whose label is in the ontology: region_id is that label. */
    IN_BRAIN("in_brain"),
    /** On the atlas grid, but on a voxel labelled 0 (outside the brain): region_id 0. */
    OUTSIDE_BRAIN("outside_brain"),
    /** Beyond the atlas grid (the nearest voxel does not exist): region_id 0, no hemisphere. */
    OUTSIDE_ATLAS("outside_atlas"),
    /** On a voxel whose label the ontology does not know (a damaged atlas): region_id is the label, no acronym. */
    UNKNOWN_LABEL("unknown_label");

    private final String label;

    MappingStatus(String label) {
        this.label = label;
    }

    /** The text written in tables. */
    public String label() {
        return label;
    }
}
