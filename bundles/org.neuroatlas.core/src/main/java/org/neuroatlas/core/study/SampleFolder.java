package org.neuroatlas.core.study;

import java.nio.file.Files;
import java.nio.file.Path;

import org.neuroatlas.core.register.RegistrationRun;

/**
 * Where the pipeline keeps one brain's results: {@code OUTDIR/samples/<sample_id>/} with the detected cells
 * ({@value #CELLS}, in the signal volume's µm), the registration folder ({@value #REGISTRATION}/, as
 * {@code ./neuroatlas register} writes it), the mapped cells ({@value #MAPPED}) and the region counts
 * ({@value #COUNTS}), and if fibres are measured the fibre density ({@value #AXONS}). Every file is written completely or not at all, so a file that exists is a finished step:
 * that is what makes a re-run resume where the last one stopped.
 */
public record SampleFolder(Path dir) {

    public static final String SAMPLES = "samples";
    public static final String CELLS = "cells.csv";
    public static final String REGISTRATION = "registration";
    public static final String MAPPED = "mapped_cells.csv";
    public static final String COUNTS = "region_counts.csv";
    /** The fibre density table ({@link org.neuroatlas.core.density.fibre.AxonDensityTable}), when fibres are measured. */
    public static final String AXONS = "axon_density.csv";
    /** Written last in {@link #REGISTRATION}: its presence marks a finished registration. */
    static final String REGISTRATION_DONE = "quality.json";

    /**
     * The folder of {@code sampleId} under the run's output folder.
     *
     * @throws org.neuroatlas.core.InputException if the id cannot name a folder inside it (path separators, ..)
     */
    public static SampleFolder of(Path outDir, String sampleId) {
        return new SampleFolder(RegistrationRun.sampleFolder(outDir.resolve(SAMPLES), sampleId));
    }

    public Path cells() {
        return dir.resolve(CELLS);
    }

    public Path registration() {
        return dir.resolve(REGISTRATION);
    }

    public Path mapped() {
        return dir.resolve(MAPPED);
    }

    public Path counts() {
        return dir.resolve(COUNTS);
    }

    public Path axons() {
        return dir.resolve(AXONS);
    }

    boolean detected() {
        return Files.isRegularFile(cells());
    }

    boolean registered() {
        return Files.isRegularFile(registration().resolve(REGISTRATION_DONE));
    }

    /** The region counts are the sample's last output (without fibres). */
    public boolean finished() {
        return Files.isRegularFile(counts());
    }

    boolean axonsMeasured() {
        return Files.isRegularFile(axons());
    }

    /** Every output there: the counts, and the fibre density too if {@code axons}. */
    public boolean finished(boolean axons) {
        return finished() && (!axons || axonsMeasured());
    }
}
