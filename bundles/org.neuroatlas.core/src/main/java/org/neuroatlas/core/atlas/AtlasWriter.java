package org.neuroatlas.core.atlas;

import org.neuroatlas.core.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.PlaneStream;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.nrrd.NrrdWriter;
import org.neuroatlas.core.volume.tiff.TiffWriter;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Writes an atlas as a folder, in the Allen layout (what {@link Atlas#open} reads back as the same atlas, identity
 * included) or in the BrainGlobe layout. Each folder appears whole or not at all.
 */
public final class AtlasWriter {

    /** BrainGlobe stores atlases as [AP, DV, LR] arrays, i.e. pages = AP. */
    static final Orientation BRAINGLOBE = Orientation.parse("asr", "BrainGlobe orientation");

    private AtlasWriter() {
    }

    /**
     * {@code annotation_<res>.nrrd}, {@code average_template_<res>.nrrd} (if the atlas has a template),
     * {@code structures.csv} (Allen flat CSV) and {@code atlas.json} (name, version, description).
     */
    public static void writeAllenLayout(Atlas atlas, Path folder, Progress progress) throws IOException {
        AtomicFile.writeDirectory(folder, dir -> {
            String res = AtlasFolder.format(atlas.voxelSizeUm().xUm());
            NrrdWriter.write(atlas.annotation(), dir.resolve("annotation_" + res + ".nrrd"), NrrdWriter.Options.allenLayout(), progress.slice(0, 0.5));
            if (atlas.template().isPresent()) {
                Volume<?> t = atlas.template().get();
                NrrdWriter.write(t, dir.resolve("average_template_" + AtlasFolder.format(t.voxelSizeUm().xUm()) + ".nrrd"),
                        NrrdWriter.Options.allenLayout(), progress.slice(0.5, 1));
            }
            Ontology.writeAllenCsv(atlas.ontology(), dir.resolve("structures.csv"));
            writeIdentity(dir, atlas.identity().name(), atlas.identity().version(), atlas.description());
        });
    }

    /**
     * Writes {@code atlas.json} into an Allen-layout folder: the name and version every result computed with the
     * folder will carry.
     */
    public static void writeIdentity(Path folder, String name, String version, String description) throws IOException {
        AtomicFile.write(folder.resolve(AtlasFolder.IDENTITY_FILE), tmp -> Files.writeString(tmp, "{\n  \"name\": " + Json.quote(name)
                + ",\n  \"version\": " + Json.quote(version) + ",\n  \"description\": " + Json.quote(description) + "\n}\n"));
    }

    /**
     * {@code metadata.json}, {@code structures.json}, {@code annotation.tiff}, {@code reference.tiff} (if the atlas has
     * a template at the annotation's resolution) and {@code hemispheres.tiff} (1 = left, 2 = right), all as [AP, DV, LR]
     * stacks ({@code asr}).
     */
    public static void writeBrainGlobeLayout(Atlas atlas, Path folder, Progress progress) throws IOException {
        AtomicFile.writeDirectory(folder, dir -> {
            Volume<?> annotation = atlas.annotation();
            TiffWriter.writeStack(annotation.reorientedTo(BRAINGLOBE), dir.resolve("annotation.tiff"), progress.slice(0, 0.4));
            Volume<?> hemispheres = atlas.storedHemispheres().isPresent()
                    ? atlas.storedHemispheres().get().reorientedTo(BRAINGLOBE) : midlineHemispheres(atlas).reorientedTo(BRAINGLOBE);
            TiffWriter.writeStack(hemispheres, dir.resolve("hemispheres.tiff"), progress.slice(0.4, 0.7));
            if (atlas.template().isPresent() && java.util.Arrays.equals(atlas.template().get().dimensions(), annotation.dimensions())) {
                TiffWriter.writeStack(atlas.template().get().reorientedTo(BRAINGLOBE), dir.resolve("reference.tiff"), progress.slice(0.7, 1));
            }
            Ontology.writeBrainGlobeJson(atlas.ontology(), dir.resolve("structures.json"));
            VoxelSize v = BRAINGLOBE.equals(Atlas.ORIENTATION) ? atlas.voxelSizeUm()
                    : Atlas.ORIENTATION.mappingTo(BRAINGLOBE).mapVoxelSize(atlas.voxelSizeUm());
            long[] d = Atlas.ORIENTATION.mappingTo(BRAINGLOBE).mapDimensions(atlas.dimensions());
            Files.writeString(dir.resolve("metadata.json"), String.format(Locale.ROOT,
                    "{\n  \"name\": %s,\n  \"citation\": %s,\n  \"atlas_link\": \"\",\n  \"species\": \"Mus musculus\",\n  \"symmetric\": false,\n"
                            + "  \"resolution\": [%s, %s, %s],\n  \"orientation\": \"asr\",\n  \"version\": %s,\n  \"shape\": [%d, %d, %d],\n"
                            + "  \"additional_references\": []\n}\n",
                    Json.quote(atlas.identity().name()), Json.quote(atlas.description()), num(v.zUm()), num(v.yUm()), num(v.xUm()),
                    Json.quote(atlas.identity().version()), d[2], d[1], d[0]));
        });
    }

    private static String num(double v) {
        return AtlasFolder.format(v);
    }

    /** The midline split as a BrainGlobe hemisphere volume in atlas space (1 = left, 2 = right, 0 = outside the brain). */
    static Volume<UnsignedByteType> midlineHemispheres(Atlas atlas) {
        long[] d = atlas.dimensions();
        ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(d);
        byte[] out = img.update(null).getCurrentStorageArray();
        Volume<?> labels = atlas.annotation();
        int planeSize = (int) (d[0] * d[1]);
        try (PlaneStream planes = new PlaneStream(labels, 0, 0)) {
            while (planes.hasNext()) {
                long z = planes.nextZ();
                Object p = planes.next();
                byte side = (byte) Hemisphere.ofMidline(z, d[2]).brainGlobeValue();
                for (int i = 0; i < planeSize; i++) {
                    out[(int) (z * planeSize + i)] = labels.pixelType().get(p, i) != 0 ? side : 0;
                }
            }
        }
        return Volume.of(img, atlas.voxelSizeUm(), org.neuroatlas.core.volume.PixelType.UINT8, "hemispheres", Atlas.ORIENTATION, java.util.Map.of(), null);
    }
}
