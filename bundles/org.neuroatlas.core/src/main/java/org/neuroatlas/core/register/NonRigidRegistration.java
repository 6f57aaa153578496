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
         * 20 iterations at the template's resolution only, fluid σ 1 voxel, diffusion σ 4 voxels. The coarse levels
         * are off by default because on simulated demo brains (100 µm template, true warp up to 150 µm) they raised
         * the NCC but moved the brain <em>away</em> from the true positions (mean error vs truth 40 µm after the
         * linear stage; 96 µm after 60 iterations at 4×, 48 µm after 40 at 2×, 26 µm after 20 at 1× alone):
         * the linear stage already leaves less than a coarse voxel to recover. Rechecked with 20 iterations per level
         * (4×+1×: 32 µm, 2×+1×: 28 µm, 4×+2×+1×: 29 µm, 1×: 26 µm): the coarse levels push the NCC above the true
         * transform's (0.958 vs 0.953), i.e. they explain the simulated illumination shading, which the one global
         * intensity line cannot, by displacement. It is not the pyramid's geometry: fields are in µm and a coarse
         * field is looked up at the finer nodes' µm positions. Strong diffusion (4 voxels) kept
         * the maximum error lowest (76 µm vs 86 µm at σ 3, 199 µm at σ 2). The local intensity line (window σ 6
         * voxels, 600 µm at 100 µm) cut the mean error from 26.0 to 18.4 µm (σ 3: 18.7 µm); with it the pyramid
         * (20 iterations per level) gives 19.4 µm, still not better than the finest level alone.
         */
        public static Settings defaults(int threads) {
            return new Settings(threads, new int[] {0, 0, 20}, 1.0, 4.0, 6.0);
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
