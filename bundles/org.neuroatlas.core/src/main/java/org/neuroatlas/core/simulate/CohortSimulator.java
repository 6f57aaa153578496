package org.neuroatlas.core.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Ontology;
import org.neuroatlas.core.io.AtomicFile;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.io.Json;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.study.Sample;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Simulates a cohort of cleared mouse brains with known answers: per brain a TH-like signal channel and an
 * autofluorescence channel (TIFF plane series), the true cells, the true sample → atlas transform; for the cohort a
 * sample sheet, the true per-region values and the settings. Layout of the output folder:
 * <pre>
 *   samples.csv                  sample sheet (the Volume Reader node's input)
 *   ground_truth_regions.csv     {@link GroundTruth#REGIONS}, all brains
 *   scenario.json                the scenario used, verbatim
 *   cohort.json                  settings, atlas identity, per-brain sizes
 *   &lt;sample_id&gt;/signal/              signal_00000.tif …
 *   &lt;sample_id&gt;/autofluorescence/    autofluorescence_00000.tif …
 *   &lt;sample_id&gt;/cells.csv            {@link GroundTruth#CELLS}
 *   &lt;sample_id&gt;/transform/            true transform ({@link AtlasTransform#save})
 * </pre>
 * The folder appears complete or not at all. Sample ids are {@code <group>_<nn>}. Every brain's randomness derives
 * from (seed, group, animal number) only, so adding brains to a group does not change the others.
 */
public final class CohortSimulator {

    public static final String SAMPLE_SHEET = "samples.csv";
    public static final String REGION_TRUTH = "ground_truth_regions.csv";
    public static final String CELLS = "cells.csv";
    public static final String TRANSFORM = "transform";
    static final String COHORT_JSON = "cohort.json";
    /** The scenario used, verbatim (readable by {@link Scenario#load}). */
    public static final String SCENARIO_JSON = "scenario.json";
    /** Fibre geometry: 2 µm tubes whose wiggles are ~40 µm, thinned in pieces ~80 µm long where sparse. */
    static final double FIBRE_DIAMETER_UM = 2;
    static final double FIBRE_FEATURE_UM = 40;

    /**
     * What one brain came to.
     *
     * @param origin     first voxel of the written volume in the whole-brain volume (0, 0, 0 unless cropped)
     * @param dimensions size of the written volume, voxels
     */
    public record BrainSummary(String sampleId, String group, int cells, int cellsInImage, int crowdedCells, long[] origin, long[] dimensions,
            double seconds, long bytesWritten) {
    }

    /**
     * The simulated cohort.
     *
     * @param folder      the output folder
     * @param sampleSheet the sample sheet (paths absolute, into {@code folder})
     * @param regionTruth rows of {@link GroundTruth#REGIONS}
     */
    public record Cohort(Path folder, SampleSheet sampleSheet, List<Object[]> regionTruth, List<BrainSummary> brains) {
    }

    private CohortSimulator() {
    }

    /**
     * The seed of brain {@code animal} (1-based) of group {@code groupIndex} (scenario order) in a cohort of seed
     * {@code cohortSeed}; shared with {@link CountCohort}, so the same seed gives the same animals in both.
     */
    public static long brainSeed(long cohortSeed, int groupIndex, int animal) {
        return DeterministicRandom.hash(cohortSeed, groupIndex, animal);
    }

    /** {@code <group>_<nn>}, the sample id of brain {@code animal} (1-based) of a group. */
    public static String sampleId(String group, int animal) {
        return String.format(Locale.ROOT, "%s_%02d", group, animal);
    }

    /**
     * Simulates the cohort into {@code out}, which must not exist, be empty, or hold an earlier cohort (replaced).
     *
     * @throws InputException for bad settings, atlas or scenario, naming the parameter or file
     */
    public static Cohort run(SimulationSettings settings, Path out, Progress progress) throws IOException {
        return run(settings, Scenario.load(settings.scenario()), out, progress);
    }

    /** {@link #run(SimulationSettings, Path, Progress)} with the scenario given (settings' scenario name ignored). */
    public static Cohort run(SimulationSettings settings, Scenario scenario, Path out, Progress progress) throws IOException {
        checkOutput(out);
        try (Atlas atlas = Atlas.openOrDemo(settings.atlas(), settings.atlasResolutionUm(), progress.slice(0, 0.01))) {
            Ontology ontology = atlas.ontology();
            scenario.resolve(ontology); // unknown acronyms fail before any work
            Crop crop = Crop.parse(settings.crop(), ontology);
            progress.report(0.01, "Loading the atlas into memory");
            AtlasRaster raster = new AtlasRaster(atlas);
            String atlasKey = atlas.identity().key();
            List<Scenario.Group> groups = scenario.groups();
            int brains = groups.size() * settings.nPerGroup();
            List<Sample> written = new ArrayList<>();
            List<Sample> finalSamples = new ArrayList<>();
            List<Object[]> regionRows = new ArrayList<>();
            List<BrainSummary> summaries = new ArrayList<>();
            AtomicFile.writeDirectory(out, tmp -> {
                int b = 0;
                for (int g = 0; g < groups.size(); g++) {
                    for (int i = 1; i <= settings.nPerGroup(); i++, b++) {
                        Scenario.Group group = groups.get(g);
                        String id = sampleId(group.name(), i);
                        Progress p = progress.slice(0.02 + 0.97 * b / brains, 0.02 + 0.97 * (b + 1) / brains);
                        String label = "Brain " + id + " (" + (b + 1) + " of " + brains + ")";
                        BrainSummary s = simulateBrain(brainSeed(settings.seed(), g, i), id, group, settings, scenario, atlasKey,
                                ontology, raster, crop, tmp.resolve(id), regionRows, p.labelled(label));
                        summaries.add(s);
                        written.add(sample(id, group, tmp.resolve(id), settings));
                        finalSamples.add(sample(id, group, out.toAbsolutePath().resolve(id), settings));
                    }
                }
                new SampleSheet(written).write(tmp.resolve(SAMPLE_SHEET));
                CsvTableWriter.write(tmp.resolve(REGION_TRUTH), GroundTruth.REGIONS, regionRows);
                Files.writeString(tmp.resolve(SCENARIO_JSON), scenario.sourceText(), StandardCharsets.UTF_8);
                Files.writeString(tmp.resolve(COHORT_JSON), cohortJson(settings, scenario, atlasKey, summaries), StandardCharsets.UTF_8);
            });
            progress.report(1, "Simulated " + brains + " brains into " + out);
            return new Cohort(out, new SampleSheet(finalSamples), regionRows, summaries);
        }
    }

    private static BrainSummary simulateBrain(long seed, String id, Scenario.Group group, SimulationSettings settings, Scenario scenario,
            String atlasKey, Ontology ontology, AtlasRaster raster, Crop crop, Path folder, List<Object[]> regionRows,
            Progress progress) throws IOException {
        long start = System.nanoTime();
        progress.report(0, "placing cells");
        BrainPose pose = BrainPose.create(seed, raster, atlasKey, settings.voxelSizeUm(), settings.orientation());
        AnimalDensities densities = new AnimalDensities(scenario, group.name(), seed, ontology, raster);
        CellPlacement.Result placed = CellPlacement.place(seed, raster, densities, settings.cellsScale(), pose.whole, progress.slice(0, 0.02));
        long[] box = crop.voxelBox(pose.whole, raster);
        long[] origin = {box[0], box[1], box[2]};
        long[] dims = {box[3], box[4], box[5]};
        double maxFibre = densities.maxFibreFraction();
        FibreField fibres = settings.fibres() && maxFibre > 0
                ? new FibreField(DeterministicRandom.hash(seed, 0xF1B3L), FIBRE_DIAMETER_UM, FIBRE_FEATURE_UM, 2 * FIBRE_FEATURE_UM,
                        Math.min(0.9, maxFibre * 1.01))
                : null;
        BrainRenderer renderer = new BrainRenderer(seed, raster, pose.whole, box, densities, fibres, placed.cells());
        Files.createDirectories(folder);
        BrainRenderer.PlaneStats stats = BrainWriter.write(renderer, Math.toIntExact(dims[2]), raster.labelCount(), settings.voxelSizeUm(),
                settings.threads(), folder, progress.slice(0.02, 0.99));
        pose.cropped(origin, dims).save(folder.resolve(TRANSFORM));
        List<Object[]> cells = GroundTruth.cellRows(id, placed.cells(), box, settings.voxelSizeUm(), ontology);
        CsvTableWriter.write(folder.resolve(CELLS), GroundTruth.CELLS, cells);
        regionRows.addAll(GroundTruth.regionRows(id, group.name(), group.doseMgKg(), raster, ontology, densities, placed.cells(), box,
                settings.voxelSizeUm(), stats, atlasKey));
        long bytes = 2L * 2 * dims[0] * dims[1] * dims[2];
        return new BrainSummary(id, group.name(), placed.cells().size(), cells.size(), placed.crowded(), origin, dims, (System.nanoTime() - start) / 1e9,
                bytes);
    }

    private static Sample sample(String id, Scenario.Group group, Path brainFolder, SimulationSettings settings) {
        Map<String, Path> channels = new LinkedHashMap<>();
        channels.put(BrainWriter.SIGNAL, brainFolder.resolve(BrainWriter.SIGNAL));
        channels.put(BrainWriter.AUTOFLUORESCENCE, brainFolder.resolve(BrainWriter.AUTOFLUORESCENCE));
        return new Sample(id, group.name(), group.doseMgKg(), channels, Optional.of(settings.voxelSizeUm()), Optional.of(settings.orientation()));
    }

    /** Refuses to replace a folder that is neither empty nor an earlier cohort: the user may have pointed at their data. */
    private static void checkOutput(Path out) throws IOException {
        if (Files.isRegularFile(out)) {
            throw InputException.file(out, "is a file", "Give a folder for the cohort");
        }
        if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve(COHORT_JSON))) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw InputException.file(out, "exists and is not an earlier simulated cohort (no " + COHORT_JSON + ")",
                            "Give a new or empty folder; NeuroAtlas replaces only folders it simulated itself");
                }
            }
        }
    }

    private static String cohortJson(SimulationSettings s, Scenario scenario, String atlasKey, List<BrainSummary> brains) {
        VoxelSize v = s.voxelSizeUm();
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"format\": \"neuroatlas-cohort\",\n  \"formatVersion\": 1,\n");
        b.append("  \"atlas\": ").append(Json.quote(atlasKey)).append(",\n");
        b.append("  \"scenario\": ").append(Json.quote(scenario.name())).append(",\n");
        b.append("  \"seed\": ").append(s.seed()).append(",\n");
        b.append("  \"nPerGroup\": ").append(s.nPerGroup()).append(",\n");
        b.append(String.format(Locale.ROOT, "  \"voxelSizeUm\": [%s, %s, %s],%n", v.xUm(), v.yUm(), v.zUm()));
        b.append("  \"orientation\": ").append(Json.quote(s.orientation().code())).append(",\n");
        b.append("  \"crop\": ").append(Json.quote(s.crop())).append(",\n");
        b.append("  \"cellsScale\": ").append(s.cellsScale()).append(",\n");
        b.append("  \"fibres\": ").append(s.fibres()).append(",\n");
        b.append("  \"brains\": [\n");
        for (int i = 0; i < brains.size(); i++) {
            BrainSummary x = brains.get(i);
            b.append(String.format(Locale.ROOT, "    {\"sampleId\": %s, \"group\": %s, \"cells\": %d, \"cellsInImage\": %d, \"crowdedCells\": %d,"
                    + " \"origin\": [%d, %d, %d], \"dimensions\": [%d, %d, %d]}%s%n", Json.quote(x.sampleId()), Json.quote(x.group()), x.cells(),
                    x.cellsInImage(), x.crowdedCells(), x.origin()[0], x.origin()[1], x.origin()[2], x.dimensions()[0], x.dimensions()[1],
                    x.dimensions()[2], i + 1 < brains.size() ? "," : ""));
        }
        b.append("  ]\n}\n");
        return b.toString();
    }
}
