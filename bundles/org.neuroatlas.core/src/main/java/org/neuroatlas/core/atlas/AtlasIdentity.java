package org.neuroatlas.core.atlas;

import java.util.Locale;

/**
 * What atlas a result was computed with — recorded in every output that depends on an atlas, so that results from
 * mismatched atlas versions cannot be mixed silently.
 *
 * @param name          atlas name, e.g. {@code allen_mouse_ccf}, {@code neuroatlas-demo}
 * @param version       version, e.g. {@code 2017}, or {@code unknown}
 * @param resolutionUm  annotation voxel size in µm (isotropic atlases; the x size otherwise)
 * @param labelChecksum 16 hex digits over the annotation's labels and their positions in atlas space (independent
 *                      of file format, compression and storage orientation; see {@link LabelChecksum})
 */
public record AtlasIdentity(String name, String version, double resolutionUm, String labelChecksum) {

    /** One token for tables and file headers: {@code name@version/25um#0123456789abcdef}. */
    public String key() {
        return name + "@" + version + "/" + resolutionText() + "um#" + labelChecksum;
    }

    private String resolutionText() {
        return resolutionUm == Math.rint(resolutionUm) ? Long.toString((long) resolutionUm) : String.format(Locale.ROOT, "%s", resolutionUm);
    }

    @Override
    public String toString() {
        return key();
    }
}
