package org.neuroatlas.core.register;

import java.util.concurrent.ForkJoinPool;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;

/**
 * The built-in engine's non-rigid stage: after the linear stage's {@code x_s = A·x_a + b}, estimates a smooth
 * displacement field {@code u} on the template's grid such that the sample looked up at {@code A·(x + u(x)) + b}
 * matches the template at {@code x} (see the package documentation for the model).
 * <p>
 * Method: symmetric-gradient demons (Thirion's forces with Vercauteren's compositional update) on a pyramid of 4×,
 * 2× and 1× the template's voxel size (each level's iteration count set in {@link Settings}; by default only the
 * finest level runs, see {@link Settings#defaults}). Per iteration:
 * <ol>
 * <li>the sample is resampled through the current warp, and its intensities are mapped onto the template's by the
 * least-squares line {@code f ≈ α·m + β} (so the force follows the NCC, which ignores gain and offset), fitted under
 * a Gaussian window around each voxel ({@link LocalIntensityFit}: shading varies across a brain) or over the box;</li>
 * <li>the force at each voxel is {@code d·g / (|g|² + d²/σ²)} with {@code d} the intensity difference, {@code g}
 * the mean of the template's and the warped sample's gradients, and {@code σ} the level's voxel size, so that no
 * step exceeds half a voxel;</li>
 * <li>the force field is Gaussian-smoothed ("fluid" regularisation) and composed with the warp,
 * {@code W ← W ∘ (id + δ)}, which keeps small steps invertible;</li>
 * <li>the whole field is Gaussian-smoothed ("diffusion" regularisation), which keeps it smooth and fold-free.</li>
 * </ol>
 * Deterministic: every value is computed by one work item, and sums are formed per plane and added in plane order,
 * so the field does not depend on the number of threads.
 */
public final class NonRigidRegistration {

    /**
     * @param threads                 threads (≥ 1); does not change the result
     * @param iterations              demons iterations at 4×, 2× and 1× the template's voxel size
     * @param fluidSigmaVoxels        standard deviation of the smoothing of each update, in voxels of the level
     * @param diffusionSigmaVoxels    standard deviation of the smoothing of the whole field after each update, in
     *                                voxels of the level
     * @param intensitySigmaVoxels    standard deviation of the window of the local intensity line
     *                                ({@link LocalIntensityFit}), in voxels of the level; ≤ 0: one line for the whole box
     */
    public record Settings(int threads, int[] iterations, double fluidSigmaVoxels, double diffusionSigmaVoxels, double intensitySigmaVoxels) {

        public Settings {
            if (threads < 1) {
                throw InputException.parameter("--threads", "must be at least 1, not " + threads, null);
            }
            if (iterations.length != 3) {
                throw new IllegalArgumentException("iterations for 3 levels expected");
            }
            iterations = iterations.clone();
        }

        /** One intensity line for the whole box (the stage before {@link LocalIntensityFit}). */
        public Settings(int threads, int[] iterations, double fluidSigmaVoxels, double diffusionSigmaVoxels) {
            this(threads, iterations, fluidSigmaVoxels, diffusionSigmaVoxels, 0);
        }

        /** These settings with another thread count. */
        public Settings withThreads(int n) {
            return new Settings(n, iterations, fluidSigmaVoxels, diffusionSigmaVoxels, intensitySigmaVoxels);
        }

        /**
         * 25 iterations at the template's resolution only, fluid σ 2 voxels, diffusion σ 2 voxels, local intensity
         * window σ 6 voxels. Chosen on three simulated ketamine brains (demo atlas, 100 µm, whole brains at 50 µm,
         * seeds of {@code simulate --n-per-group 1}) by the registration's own share of the count errors: the true
         * cells mapped with the estimated transform, per dopamine region (VTA, SNc, RR, DR, ARH, PVH, DMH, ZI, MPN).
         * The earlier diffusion σ of 4 voxels (400 µm) could not follow the simulated warp where it bends within a
         * millimetre: ARH lost up to 20 % of its cells, PVH and DMH 12 %, with the cells shifted by a common 30–40 µm
         * (a bias, not scatter). Diffusion 3 → 2 voxels cut those to 10, 4 and 6 %; 1.5 fitted the noise (NCC above
         * the true transform's, VTA, SNc and RR worse); fluid σ 2 instead of 1 kept the Jacobian range narrower at equal
         * accuracy; 25 iterations were as good as 40–100 (converged), 20 lost about a point of SNc and ARH. Accuracy
         * and time over whole brains, next to elastix ({@code benchmark register}): see the README.
         * <p>
         * Earlier findings that still hold: the coarse pyramid levels raise the NCC above the true transform's
         * while moving the brain away from the truth (they explain shading by displacement), so they are off; the
         * local intensity line (window σ 6 voxels, 600 µm at 100 µm) cut the mean error from 26.0 to 18.4 µm against one
         * line for the whole box.
         */
        public static Settings defaults(int threads) {
            return new Settings(threads, new int[] {0, 0, 25}, 2.0, 2.0, 6.0);
        }

        @Override
        public int[] iterations() {
            return iterations.clone();
        }
    }

    /**
     * @param displacement the forward field {@code u}, atlas µm, on the template's grid (origin 0, template spacing)
     * @param nccBefore    NCC over the atlas brain (annotation &gt; 0) at the template's resolution with the affine map alone
     * @param nccAfter     the same with the field
     * @param jacobian     Jacobian determinant range and folded nodes of {@code x + u(x)}
     * @param seconds      wall time, s
     */
    public record Result(DisplacementField displacement, double nccBefore, double nccAfter, DisplacementField.Jacobian jacobian,
            double seconds) {
    }

    private NonRigidRegistration() {
    }

    /**
     * Registers {@code sample} non-rigidly to {@code atlas}'s template, starting from {@code affine}.
     *
     * @param affine atlas µm → sample µm, normally the linear stage's result
     * @throws InputException if the atlas has no template
     */
    public static Result register(Atlas atlas, PreparedSample sample, AffineMap affine, Settings settings, Progress progress) {
        return register(AtlasReference.of(atlas), sample, affine, settings, progress);
    }

    static Result register(AtlasReference reference, PreparedSample sample, AffineMap affine, Settings settings, Progress progress) {
        long start = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            FloatGrid[] templates = new FloatGrid[3], samples = new FloatGrid[3];
            templates[2] = reference.template;
            samples[2] = sample.image();
            for (int l = 1; l >= 0; l--) {
                templates[l] = templates[l + 1].pooled();
                samples[l] = samples[l + 1].pooled();
            }
            int[] iterations = settings.iterations();
            int total = iterations[0] + iterations[1] + iterations[2], done = 0;
            DisplacementField u = null;
            for (int l = 0; l < 3; l++) {
                // Coarse levels are smoothed like the linear stage's, widening the capture range.
                FloatGrid f = l < 2 ? templates[l].smoothed() : templates[l];
                FloatGrid m = l < 2 ? samples[l].smoothed() : samples[l];
                Progress slice = progress.slice(done / (double) total, (done + iterations[l]) / (double) total);
                DemonsLevel level = new DemonsLevel(f, m, affine, settings.fluidSigmaVoxels(), settings.diffusionSigmaVoxels(),
                        settings.intensitySigmaVoxels());
                DisplacementField from = u;
                int its = iterations[l];
                u = pool.submit(() -> level.run(from, its, slice)).join();
                done += iterations[l];
            }
            DisplacementField result = u;
            double before = pool.submit(() -> DemonsLevel.ncc(reference.template, sample.image(), reference.brain, affine, null)).join();
            double after = pool.submit(() -> DemonsLevel.ncc(reference.template, sample.image(), reference.brain, affine, result)).join();
            DisplacementField.Jacobian j = pool.submit(result::jacobian).join();
            progress.report(1, null);
            return new Result(result, before, after, j, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
