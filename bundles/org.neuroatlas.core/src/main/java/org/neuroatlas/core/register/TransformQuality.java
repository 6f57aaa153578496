package org.neuroatlas.core.register;

/**
 * How trustworthy a transform's warp is, for reports and for rejecting bad registrations. Figures about {@code W}
 * are taken at the nodes of the forward field; a purely affine transform has determinants 1, no folds and zero
 * displacement and residual.
 *
 * @param minJacobianDeterminant smallest det(I + ∇u) at the grid nodes (≤ 0: the warp folds there; 1: volume kept)
 * @param maxJacobianDeterminant largest det(I + ∇u)
 * @param foldedNodes            nodes with det(I + ∇u) ≤ 0
 * @param maxDisplacementUm      largest |u| at the nodes, µm
 * @param inverseResidualUm      largest |W(W⁻¹(y)) − y| at the nodes of the inverse field, µm (how well v inverts u)
 * @param affineDeterminant      determinant of the affine matrix A (volume scale sample/atlas; negative if A mirrors)
 */
public record TransformQuality(double minJacobianDeterminant, double maxJacobianDeterminant, long foldedNodes,
        double maxDisplacementUm, double inverseResidualUm, double affineDeterminant) {

    /** The figures for a purely affine transform. */
    static TransformQuality affine(AffineMap a) {
        return new TransformQuality(1, 1, 0, 0, 0, a.determinant());
    }

    /** Measures {@code u} and how well {@code v} inverts it. */
    static TransformQuality measure(AffineMap a, DisplacementField u, DisplacementField v) {
        DisplacementField.Jacobian j = u.jacobian();
        return new TransformQuality(j.minDeterminant(), j.maxDeterminant(), j.foldedNodes(), u.maxDisplacementUm(),
                u.inverseResidualUm(v), a.determinant());
    }

    /** True if the warp folds nowhere (at the grid nodes). */
    public boolean isFoldFree() {
        return foldedNodes == 0 && minJacobianDeterminant > 0;
    }
}
