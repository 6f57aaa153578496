package org.neuroatlas.core.atlas;

import org.neuroatlas.core.io.Json;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/** Reads atlas folders in the Allen and the BrainGlobe layout, and builds the demo atlas. */
final class AtlasFolder {

    private static final Pattern ALLEN_ANNOTATION = Pattern.compile("annotation_(\\d+(?:\\.\\d+)?)\\.nrrd");
    private static final Pattern ALLEN_TEMPLATE = Pattern.compile("average_template_(\\d+(?:\\.\\d+)?)\\.nrrd");

    /** Optional file in an Allen-layout folder naming the atlas: {"name": …, "version": …, "description": …}. */
    static final String IDENTITY_FILE = "atlas.json";

    private AtlasFolder() {
    }

    static Atlas open(Path folder, OptionalDouble resolutionUm, Progress progress) {
        if (!Files.isDirectory(folder)) {
            throw InputException.file(folder, Files.exists(folder) ? "is not a folder" : "does not exist",
                    "Give the atlas folder (Allen layout: annotation_<res>.nrrd + ontology; BrainGlobe layout: metadata.json, structures.json, "
                            + "annotation.tiff), or 'demo' for the built-in demo atlas");
        }
        if (Files.isRegularFile(folder.resolve("metadata.json")) && Files.isRegularFile(folder.resolve("annotation.tiff"))) {
            return openBrainGlobe(folder, progress);
        }
        return openAllen(folder, resolutionUm, progress);
    }

    // ---------------------------------------------------------------- Allen layout

    private static Atlas openAllen(Path folder, OptionalDouble resolutionUm, Progress progress) {
        Map<Double, Path> annotations = resolutions(folder, ALLEN_ANNOTATION);
        Map<Double, Path> templates = resolutions(folder, ALLEN_TEMPLATE);
        if (annotations.isEmpty()) {
            throw InputException.file(folder, "is not an atlas folder: no annotation_<res>.nrrd and no metadata.json",
                    "Use an Allen-layout folder (annotation_25.nrrd, average_template_25.nrrd, the ontology JSON or CSV), a BrainGlobe atlas folder, "
                            + "or fetch one with: neuroatlas atlas fetch allen-ccf-2017 --resolution 25 --dest DIR");
        }
        double res = resolutionUm.isPresent() ? resolutionUm.getAsDouble() : annotations.keySet().iterator().next();
        Path annotationFile = annotations.get(res);
        if (annotationFile == null) {
            throw InputException.parameter("--resolution", "the atlas in " + folder + " has no annotation at " + format(res) + " µm",
                    "Available: " + list(annotations) + " µm");
        }
        Ontology ontology = Ontology.read(findAllenOntology(folder));
        // Prefer the template at the annotation's resolution, else the finest there is (registration runs at the template's).
        Path templateFile = templates.containsKey(res) ? templates.get(res) : templates.values().stream().findFirst().orElse(null);
        Volume<?> annotation = Volumes.open(annotationFile, ReadOptions.defaults()).withOrientation(Atlas.ORIENTATION);
        Volume<?> template = templateFile == null ? null : Volumes.open(templateFile, ReadOptions.defaults()).withOrientation(Atlas.ORIENTATION);
        checkTemplate(annotation, template, templateFile);
        String[] nameVersion = declaredIdentity(folder).orElse(new String[] {"allen_mouse_ccf", null, "Allen Mouse Brain Common Coordinate Framework"});
        String checksum = LabelChecksum.of(annotation, annotation.orientation().get().mappingTo(Atlas.ORIENTATION), progress);
        String version = nameVersion[1] != null ? nameVersion[1] : KnownAtlases.versionOf(checksum).orElse("unknown");
        AtlasIdentity id = new AtlasIdentity(nameVersion[0], version, annotation.voxelSizeUm().xUm(), checksum);
        return new Atlas(id, ontology, annotation, null, template, folder, nameVersion[2] + " (" + folder.toAbsolutePath().normalize() + ")");
    }

    /** The Allen ontology in the folder: a structure-graph JSON (original names) if present, else the flat CSV. */
    private static Path findAllenOntology(Path folder) {
        List<Path> json = new ArrayList<>();
        List<Path> csv = new ArrayList<>();
        for (Path p : list(folder)) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".json") && !n.equals(IDENTITY_FILE) && !n.equals("metadata.json")) {
                json.add(p);
            } else if (n.endsWith(".csv")) {
                csv.add(p);
            }
        }
        if (!json.isEmpty()) {
            return json.get(0);
        }
        if (!csv.isEmpty()) {
            return csv.get(0);
        }
        throw InputException.file(folder, "has no ontology (no .json structure graph and no .csv structure tree)",
                "Add Allen's structure graph (structure_graph_1.json, from api.brain-map.org/api/v2/structure_graph_download/1.json) "
                        + "or the flat structure_tree CSV to the folder");
    }

    private static Optional<String[]> declaredIdentity(Path folder) {
        Path f = folder.resolve(IDENTITY_FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Map<String, Object> m = Json.object(Json.read(f), f, "the top level");
        return Optional.of(new String[] {Json.string(m, "name", f), Json.string(m, "version", f),
            m.get("description") instanceof String d ? d : Json.string(m, "name", f)});
    }

    // ---------------------------------------------------------------- BrainGlobe layout

    private static Atlas openBrainGlobe(Path folder, Progress progress) {
        Path metaFile = folder.resolve("metadata.json");
        Map<String, Object> meta = Json.object(Json.read(metaFile), metaFile, "the top level");
        String name = Json.string(meta, "name", metaFile);
        String version = String.valueOf(meta.getOrDefault("version", "unknown"));
        Orientation orientation;
        try {
            orientation = Orientation.parse(Json.string(meta, "orientation", metaFile), "orientation");
        } catch (InputException e) {
            throw InputException.file(metaFile, e.getMessage(), "Fix the orientation entry (BrainGlobe atlases are 'asr')");
        }
        List<?> res = Json.array(meta.get("resolution"), metaFile, "entry \"resolution\"");
        if (res.size() != 3) {
            throw InputException.file(metaFile, "resolution must list 3 numbers (µm per axis), found " + res, "Fix metadata.json");
        }
        // BrainGlobe lists resolution in array order (plane, row, column) = our z, y, x.
        VoxelSize voxel = new VoxelSize(number(res.get(2), metaFile), number(res.get(1), metaFile), number(res.get(0), metaFile));
        ReadOptions options = ReadOptions.defaults().withVoxelSize(voxel).withOrientation(orientation);
        Ontology ontology = Ontology.read(require(folder, "structures.json"));
        Volume<?> annotation = Volumes.open(require(folder, "annotation.tiff"), options);
        Path hemiFile = folder.resolve("hemispheres.tiff");
        Volume<?> hemispheres = Files.isRegularFile(hemiFile) ? Volumes.open(hemiFile, options) : null;
        Path refFile = folder.resolve("reference.tiff");
        Volume<?> reference = Files.isRegularFile(refFile) ? Volumes.open(refFile, options).reorientedTo(Atlas.ORIENTATION) : null;
        if (hemispheres != null && !java.util.Arrays.equals(hemispheres.dimensions(), annotation.dimensions())) {
            throw InputException.file(hemiFile, "has size " + dims(hemispheres) + " but annotation.tiff has " + dims(annotation),
                    "Use the hemisphere volume that belongs to this atlas");
        }
        checkTemplate(annotation.reorientedTo(Atlas.ORIENTATION), reference, refFile);
        String checksum = LabelChecksum.of(annotation, orientation.mappingTo(Atlas.ORIENTATION), progress);
        AtlasIdentity id = new AtlasIdentity(name, version, voxel.xUm(), checksum);
        return new Atlas(id, ontology, annotation, hemispheres, reference, folder, name + " " + version + " (BrainGlobe layout, " + folder.toAbsolutePath().normalize() + ")");
    }

    private static double number(Object o, Path file) {
        if (o instanceof Number n && n.doubleValue() > 0) {
            return n.doubleValue();
        }
        throw InputException.file(file, "resolution entry " + o + " is not a positive number", "Fix metadata.json");
    }

    // ---------------------------------------------------------------- demo

    static Atlas demo(double resolutionUm, Progress progress) {
        DemoAtlas d = DemoAtlas.generate(resolutionUm);
        Ontology ontology = Ontology.of("built-in demo atlas", d.structures());
        Volume<?> annotation = d.annotation().withOrientation(Atlas.ORIENTATION);
        String checksum = LabelChecksum.of(annotation, Atlas.ORIENTATION.mappingTo(Atlas.ORIENTATION), progress);
        AtlasIdentity id = new AtlasIdentity(DemoAtlas.NAME, DemoAtlas.VERSION, resolutionUm, checksum);
        return new Atlas(id, ontology, annotation, null, d.template().withOrientation(Atlas.ORIENTATION), null, DemoAtlas.DESCRIPTION);
    }

    // ---------------------------------------------------------------- helpers

    private static void checkTemplate(Volume<?> annotationInAtlasSpace, Volume<?> template, Path templateFile) {
        if (template == null) {
            return;
        }
        long[] a = annotationInAtlasSpace.dimensions();
        long[] t = template.dimensions();
        VoxelSize av = annotationInAtlasSpace.voxelSizeUm();
        VoxelSize tv = template.voxelSizeUm();
        for (int d = 0; d < 3; d++) {
            double extentA = a[d] * av.um(d);
            double extentT = t[d] * tv.um(d);
            if (Math.abs(extentA - extentT) > Math.max(av.um(d), tv.um(d))) {
                throw InputException.file(templateFile, "covers " + extent(t, tv) + " but the annotation covers " + extent(a, av)
                        + " (or is stored in another orientation)", "Use the template of the same atlas");
            }
        }
    }

    private static String extent(long[] d, VoxelSize v) {
        return String.format(Locale.ROOT, "%.2f × %.2f × %.2f mm", d[0] * v.xUm() / 1000, d[1] * v.yUm() / 1000, d[2] * v.zUm() / 1000);
    }

    private static String dims(Volume<?> v) {
        return v.sizeX() + "×" + v.sizeY() + "×" + v.sizeZ();
    }

    private static Path require(Path folder, String file) {
        Path p = folder.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw InputException.file(p, "is missing from the BrainGlobe atlas folder", "A BrainGlobe atlas folder holds metadata.json, "
                    + "structures.json, annotation.tiff, reference.tiff and hemispheres.tiff; download it again if files are missing");
        }
        return p;
    }

    /** Files matching {@code pattern} by resolution in µm, finest first. */
    private static Map<Double, Path> resolutions(Path folder, Pattern pattern) {
        Map<Double, Path> out = new TreeMap<>();
        for (Path p : list(folder)) {
            Matcher m = pattern.matcher(p.getFileName().toString());
            if (m.matches()) {
                out.put(Double.parseDouble(m.group(1)), p);
            }
        }
        return out;
    }

    private static List<Path> list(Path folder) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw InputException.file(folder, "cannot be listed (" + e.getMessage() + ")", "Check the folder's permissions", e);
        }
        out.sort(null);
        return out;
    }

    private static String list(Map<Double, Path> m) {
        return String.join(", ", m.keySet().stream().map(AtlasFolder::format).toList());
    }

    static String format(double um) {
        return um == Math.rint(um) ? Long.toString((long) um) : Double.toString(um);
    }
}
