package org.neuroatlas.core.register;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What every registration backend returns ({@link Registration.Result} for the built-in engine,
 * {@code register.elastix.ElastixRegistration.Result} for elastix), so that commands and nodes can write and report
 * either without knowing which ran. NCC figures are over the atlas brain (annotation &gt; 0) at the template's
 * resolution, measured by the same code for every backend.
 */
public interface RegistrationOutcome {

    /** atlas µm → sample µm, in our one transform format. */
    AtlasTransform transform();

    /** NCC with the initial pose (orientation code, centroids). */
    double nccBefore();

    /** NCC after the linear (affine) stage. */
    double nccLinear();

    /** NCC after the non-rigid stage (equal to {@link #nccLinear()} without one). */
    double nccNonRigid();

    /** Wall time of the whole registration, s. */
    double seconds();

    /** The figures as one JSON object (the registration folder's quality.json), including the backend's name. */
    String qualityJson();

    /** Writes the registration folder: transform/, quality.json and whatever the backend keeps besides. */
    void save(Path folder) throws IOException;
}
