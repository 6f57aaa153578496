package org.neuroatlas.core.atlas;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * A brain atlas: an annotation volume of structure ids, its ontology, hemispheres, an optional template (reference)
 * image for registration, and its identity.
 * <p>
 * <b>Atlas space</b> is the layout of the Allen CCF NRRD files: x = anterior→posterior, y = superior→inferior,
 * z = LR with index 0 on the right (see {@link Hemisphere}); orientation code {@link #ORIENTATION} ({@code rsa} for
 * plane, row, column). Atlases stored otherwise (BrainGlobe's {@code asr} TIFFs) are viewed in atlas space without
 * copying; {@link #storedAnnotation()} gives the file's own layout for fast streaming.
 */
public final class Atlas implements AutoCloseable {

    /** Orientation code of atlas space (planes = LR from the right, rows = DV from the top, columns = AP from the front). */
    public static final Orientation ORIENTATION = Orientation.parse("rsa", "atlas orientation");

    private final AtlasIdentity identity;
    private final Ontology ontology;
    private final Volume<?> storedAnnotation;
    private final AxisMapping toAtlas;
    private final Volume<?> storedHemispheres;
    private final Volume<?> template;
    private final Path folder;
    private final String description;

    Atlas(AtlasIdentity identity, Ontology ontology, Volume<?> storedAnnotation, Volume<?> storedHemispheres, Volume<?> template,
            Path folder, String description) {
        this.identity = identity;
        this.ontology = ontology;
        this.storedAnnotation = storedAnnotation;
        this.toAtlas = storedAnnotation.orientation().orElse(ORIENTATION).mappingTo(ORIENTATION);
        this.storedHemispheres = storedHemispheres;
        this.template = template;
        this.folder = folder;
        this.description = description;
    }

    /**
     * Opens an atlas folder: Allen layout ({@code annotation_<res>.nrrd}, optional {@code average_template_<res>.nrrd},
     * an Allen ontology JSON or CSV) or BrainGlobe layout ({@code metadata.json}, {@code structures.json},
     * {@code annotation.tiff}, {@code reference.tiff}, {@code hemispheres.tiff}).
     *
     * @param resolutionUm annotation resolution to use when the folder has several; empty = the finest
     * @throws org.neuroatlas.core.InputException if the folder is not an atlas, or its files are inconsistent
     */
    public static Atlas open(Path folder, OptionalDouble resolutionUm, Progress progress) {
        return AtlasFolder.open(folder, resolutionUm, progress);
    }

    /** The built-in synthetic demo atlas at {@code resolutionUm} (not the Allen CCF; its identity says so). */
    public static Atlas demo(double resolutionUm, Progress progress) {
        return AtlasFolder.demo(resolutionUm, progress);
    }

    /**
     * {@code demo} for the built-in demo atlas at {@code resolutionUm} (default 100 µm), else an atlas folder.
     */
    public static Atlas openOrDemo(String folderOrDemo, OptionalDouble resolutionUm, Progress progress) {
        if ("demo".equals(folderOrDemo.trim())) {
            return demo(resolutionUm.orElse(DemoAtlas.DEFAULT_RESOLUTION_UM), progress);
        }
        return open(Path.of(folderOrDemo.trim()), resolutionUm, progress);
    }

    public AtlasIdentity identity() {
        return identity;
    }

    public Ontology ontology() {
        return ontology;
    }

    /** A line for people: identity and where it came from. */
    public String description() {
        return description;
    }

    /** The folder it was read from; empty for the built-in demo atlas. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** Structure ids in atlas space (x = AP, y = DV, z = LR), 0 outside the brain. A view: nothing is copied. */
    public Volume<?> annotation() {
        return toAtlas.isIdentity() ? storedAnnotation : storedAnnotation.reorientedTo(ORIENTATION);
    }

    /** The annotation as its file stores it (for streaming in file order); {@link #storedToAtlas()} maps it. */
    public Volume<?> storedAnnotation() {
        return storedAnnotation;
    }

    /** Mapping from the stored annotation's (and hemisphere volume's) layout to atlas space. */
    public AxisMapping storedToAtlas() {
        return toAtlas;
    }

    /** The BrainGlobe hemisphere volume (1 = left, 2 = right) as stored, if the atlas has one; else the midline split applies. */
    public Optional<Volume<?>> storedHemispheres() {
        return Optional.ofNullable(storedHemispheres);
    }

    /** Annotation size in atlas space (x = AP, y = DV, z = LR), voxels. */
    public long[] dimensions() {
        return toAtlas.mapDimensions(storedAnnotation.dimensions());
    }

    /** Annotation voxel size in atlas space, µm. */
    public VoxelSize voxelSizeUm() {
        return toAtlas.mapVoxelSize(storedAnnotation.voxelSizeUm());
    }

    /** The template (average/reference brain) in atlas space, possibly at another resolution than the annotation. */
    public Optional<Volume<?>> template() {
        return Optional.ofNullable(template);
    }

    @Override
    public void close() {
        storedAnnotation.close();
        if (storedHemispheres != null) {
            storedHemispheres.close();
        }
        if (template != null) {
            template.close();
        }
    }

    @Override
    public String toString() {
        return identity.key();
    }
}
