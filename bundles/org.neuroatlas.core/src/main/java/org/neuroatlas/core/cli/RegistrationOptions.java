package org.neuroatlas.core.cli;

import org.neuroatlas.core.register.RegistrationRun;

import picocli.CommandLine.Option;

/** The registration options of {@code register}, {@code run} and {@code demo}. */
final class RegistrationOptions {

    @Option(names = "--backend", defaultValue = "builtin", paramLabel = "builtin|elastix",
            description = "Registration engine: builtin (Java: rigid, affine, demons) or elastix (elastix and transformix on the PATH, "
                    + "our affine and B-spline parameter files; apt install elastix). Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--linear-only", description = "Stop after the linear (rigid, affine) stage: the transform is purely affine (built-in engine).")
    boolean linearOnly;

    @Option(names = "--no-normalise", description = "Register the raw intensities instead of rescaling them to robust percentiles.")
    boolean noNormalise;

    RegistrationRun.Settings registration(int threads) {
        return new RegistrationRun.Settings(threads, !noNormalise, linearOnly, RegistrationRun.Backend.parse(backend, "--backend"));
    }
}
