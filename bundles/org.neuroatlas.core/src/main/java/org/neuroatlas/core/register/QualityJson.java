package org.neuroatlas.core.register;

import java.util.Locale;

import org.neuroatlas.core.io.Json;

/**
 * The figures of a registration folder's quality.json that every backend writes the same way, after its own header
 * members (backend, stages, ...): atlas identity, the NCC at each stage, the warp's quality and the wall time. One
 * place, so that the built-in engine and elastix are reported member for member alike.
 */
public final class QualityJson {

    private QualityJson() {
    }

    /**
     * The members from {@code atlas} to {@code seconds}, each on its own line indented by two spaces, the last
     * without a comma; the caller closes the object.
     *
     * @param nccRigid NaN (written as null) for a backend without a rigid stage
     * @param seconds  wall time of the registration, s
     */
    public static String figures(AtlasTransform transform, double nccBefore, double nccRigid, double nccAffine, double nccNonRigid,
            double seconds) {
        TransformQuality q = transform.quality();
        return String.format(Locale.ROOT, """
                  "atlas": %s,
                  "similarity": "normalised cross-correlation over the atlas brain (annotation > 0) at the template's resolution",
                  "nccBefore": %s,
                  "nccRigid": %s,
                  "nccAffine": %s,
                  "nccNonRigid": %s,
                  "nccAfter": %s,
                  "affineDeterminant": %s,
                  "minJacobianDeterminant": %s,
                  "maxJacobianDeterminant": %s,
                  "foldedNodes": %d,
                  "maxDisplacementUm": %s,
                  "inverseResidualUm": %s,
                  "seconds": %s
                """, Json.quote(transform.atlasKey()), Json.number(nccBefore), Json.number(nccRigid), Json.number(nccAffine),
                Json.number(nccNonRigid), Json.number(nccNonRigid), Json.number(q.affineDeterminant()), Json.number(q.minJacobianDeterminant()),
                Json.number(q.maxJacobianDeterminant()), q.foldedNodes(), Json.number(q.maxDisplacementUm()), Json.number(q.inverseResidualUm()),
                Json.number(seconds));
    }
}
