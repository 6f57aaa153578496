package org.neuroatlas.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.AtlasWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code neuroatlas atlas demo --dest DIR}: the built-in demo atlas as an Allen-layout folder. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the built-in synthetic demo atlas (a few dozen regions with real CCF names, NOT the Allen CCF) as an "
                + "Allen-layout folder: annotation_<res>.nrrd, average_template_<res>.nrrd, structures.csv, atlas.json.",
            "Every command that takes an atlas also accepts 'demo' directly."})
final class AtlasDemoCommand implements Callable<Integer> {

    @Option(names = "--dest", required = true, paramLabel = "DIR", description = "Folder to write (replaced if it exists).")
    Path dest;

    @Option(names = "--resolution", paramLabel = "UM", defaultValue = "100", description = "Voxel size in µm (default: ${DEFAULT-VALUE}).")
    double resolutionUm;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = ConsoleProgress.stderr("demo atlas", false);
        try (Atlas a = Atlas.openOrDemo("demo", OptionalDouble.of(resolutionUm), progress.slice(0, 0.3))) {
            AtlasWriter.writeAllenLayout(a, dest, progress.slice(0.3, 1));
            progress.done();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("wrote %s: %s%n", dest, a.identity().key());
            out.flush();
        }
        return 0;
    }
}
