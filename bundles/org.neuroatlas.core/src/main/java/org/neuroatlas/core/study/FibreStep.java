package org.neuroatlas.core.study;

import java.util.Objects;

import org.neuroatlas.core.density.fibre.FibreSettings;

/**
 * How the pipeline measures each brain's fibres.
 *
 * @param settings              the fibre filter's settings
 * @param detectedCellsAsSomata whether the brain's detected cells are excluded as somata in addition to the filter's
 *                              own blob rule, as {@code ./neuroatlas axons --cells} excludes them. Where cells are
 *                              sparse and fibres bright the detector also fires on fibres: in a simulated auditory
 *                              cortex box (0.3 % fibre, no cells) it found 930 "cells" and their balls removed 87 % of
 *                              the fibre voxels, which the blob rule alone kept
 */
public record FibreStep(FibreSettings settings, boolean detectedCellsAsSomata) {

    public FibreStep {
        Objects.requireNonNull(settings, "fibre settings");
    }
}
