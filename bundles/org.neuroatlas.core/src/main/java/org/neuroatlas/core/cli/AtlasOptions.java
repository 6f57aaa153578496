package org.neuroatlas.core.cli;

import java.util.OptionalDouble;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;

import picocli.CommandLine.Option;

/** The options of every command that uses an atlas. */
final class AtlasOptions {

    @Option(names = "--resolution", paramLabel = "UM", description = "Annotation resolution in µm when the atlas folder has several "
            + "(default: the finest; 100 for the demo atlas).")
    Double resolutionUm;

    OptionalDouble resolution() {
        return resolutionUm == null ? OptionalDouble.empty() : OptionalDouble.of(resolutionUm);
    }

    Atlas open(String atlas, Progress progress) {
        if (resolutionUm != null && !(resolutionUm > 0)) {
            throw org.neuroatlas.core.InputException.parameter("--resolution", "must be a positive number of µm, not " + resolutionUm, null);
        }
        return Atlas.openOrDemo(atlas, resolution(), progress);
    }
}
