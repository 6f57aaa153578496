package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.volume.VoxelSize;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neuroatlas atlas info DIR}: identity, shape, and a check that the annotation and the ontology agree. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show an atlas's identity, resolution, shape and number of labelled structures, and check that every label in "
                + "the annotation exists in the ontology (exit code 2 if not)."})
final class AtlasInfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ATLAS", description = "Atlas folder (Allen or BrainGlobe layout), or 'demo'.")
    String atlas;

    @Mixin
    AtlasOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConsoleProgress progress = ConsoleProgress.stderr("atlas", false);
        PrintWriter out = spec.commandLine().getOut();
        try (Atlas a = options.open(atlas, progress.slice(0, 0.5))) {
            RegionVolumes volumes = RegionVolumes.measure(a, progress.slice(0.5, 1));
            progress.done();
            long[] d = a.dimensions();
            VoxelSize v = a.voxelSizeUm();
            out.printf(Locale.ROOT, "atlas:        %s%n", a.identity().key());
            out.printf(Locale.ROOT, "description:  %s%n", a.description());
            out.printf(Locale.ROOT, "resolution:   %s µm (x,y,z)%n", v);
            out.printf(Locale.ROOT, "shape:        %d × %d × %d voxels (x = AP, y = DV, z = LR; orientation %s)%n", d[0], d[1], d[2], Atlas.ORIENTATION);
            out.printf(Locale.ROOT, "template:     %s%n", a.template().map(t -> t.sizeX() + " × " + t.sizeY() + " × " + t.sizeZ() + " at " + t.voxelSizeUm()
                    + " µm").orElse("none (registration needs one)"));
            out.printf(Locale.ROOT, "hemispheres:  %s%n", a.storedHemispheres().isPresent() ? "from the atlas's hemisphere volume"
                    : "midline split (z < " + d[2] / 2 + " right, z ≥ " + d[2] / 2 + " left)");
            out.printf(Locale.ROOT, "ontology:     %d structures, root %s (%d)%n", a.ontology().size(), a.ontology().root().acronym(), a.ontology().root().id());
            int root = a.ontology().root().id();
            out.printf(Locale.ROOT, "labelled:     %d structures; brain volume %.2f mm³ (left %.2f, right %.2f)%n", volumes.labels().size(),
                    volumes.totalMm3(root, null), volumes.totalMm3(root, Hemisphere.LEFT), volumes.totalMm3(root, Hemisphere.RIGHT));
            Set<Integer> unknown = volumes.unknownLabels();
            out.flush();
            if (!unknown.isEmpty()) {
                throw InputException.file(a.folder().orElseThrow(), unknown.size() + " label(s) of the annotation are not in the ontology: " + unknown,
                        "Use the ontology that belongs to this annotation (e.g. the CCF 2017 structure graph for the 2017 annotation)");
            }
            out.printf(Locale.ROOT, "check:        every label of the annotation is in the ontology%n");
            out.flush();
            return 0;
        }
    }
}
