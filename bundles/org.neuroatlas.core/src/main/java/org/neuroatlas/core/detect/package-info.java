/**
 * Cell body detection: 3D blob detection in a light-sheet volume, chunked, multi-threaded, and exact (the cell
 * table is byte-identical for any chunk size and thread count).
 * <p>
 * Entry point {@link org.neuroatlas.core.detect.CellDetector#detect}; settings in
 * {@link org.neuroatlas.core.detect.DetectionSettings}; output {@link org.neuroatlas.core.detect.CellTable#SCHEMA}.
 *
 * <h2>Method</h2>
 * All lengths follow from the cell diameter d (µm, default 15; r = d/2) and are converted to voxels per axis with
 * the voxel size, so anisotropic voxels get anisotropic kernels with the same physical σ. Gaussian kernels are
 * separable, truncated at 4σ and normalised to sum 1; at the volume's true edges the image is mirrored about the
 * edge voxel (…, 2, 1, 0, 1, 2, …); nowhere else is there any border rule. Filters run on float rows so that
 * HotSpot vectorises them, and use the kernels' symmetry (one multiplication per pair of taps).
 * <ol>
 * <li><b>Background</b>: B = input smoothed with σ_bg = 2.5 r (18.75 µm for d = 15), evaluated only at seeds, with
 * the Gaussian truncated at 3σ and sampled about every σ (7 × 7 × 7 taps). It is reported per cell
 * ({@code background}) and used by the peak-above-background filter. It is not subtracted before step 2: the
 * band-pass's kernel sums to zero, so it removes B (and any background smooth at that scale) by itself.</li>
 * <li><b>Enhancement</b>: a difference of Gaussians of the square root of the input, E = G(σ_in) − G(σ_out) of
 * √input, with
 * σ_in = r/√3/√1.6 (the scale at which the Laplacian of Gaussian responds most to a ball of radius r, split
 * around it; 3.4 µm for d = 15) and σ_out = 1.6 σ_in (5.5 µm). A soma gives a positive peak, the space between
 * touching somata a dip. The root stabilises shot noise (its variance grows with brightness; after the root it is
 * about constant), so one threshold serves dim and bright tissue alike.</li>
 * <li><b>Threshold</b>: automatic, t = median + k × 1.4826 × MAD of E (k default 12), over a fixed subsample of
 * the whole volume: up to 4 × 4 × 4 blocks of 32 × 32 × 16 voxels on a grid that depends only on the volume's
 * size (every voxel if the volume is small); E there is computed exactly as in the chunks. k = 12 rather than a
 * noise-only 5–8 because structured texture — fibre crossings in the simulations — stands 8–12 MADs out: measured on
 * a simulated midbrain with dense fibres, k = 8 gave precision 0.45, k = 12 0.99 at the same recall. Or an
 * absolute t in E's units (band-passed √intensity).</li>
 * <li><b>Maxima</b>: candidates are voxels with E &gt; t, E &gt; 0, ranked above all 26 neighbours in the total
 * order "higher E, ties to the lower (z, y, x) index". A candidate is suppressed by a higher one closer than the
 * separation s (default d/2 = 7.5 µm), or within the merge distance 0.75 d (11.25 µm) if E along the straight
 * line between them never drops below 0.7 × the lower one's value (no valley: one cell with two maxima).
 * Suppression is pairwise, not greedy, so it is decided locally: a candidate is accepted iff nothing suppresses
 * it.</li>
 * <li><b>Peeling</b>: the dimmer of two touching cells (centres 10–17 µm apart) often has no maximum of its own in
 * E, only a shoulder on its brighter neighbour's flank. Each accepted cell's E is modelled as a Gaussian of σ =
 * √(r²/5 + σ_in²) (a ball's spread, r²/5 per axis, blurred by the inner Gaussian; 4.8 µm for d = 15) centred at
 * its seed shifted by a parabola through the seed and its neighbours along each axis, of the height that gives E at
 * the seed, out to one diameter; the residual R = E − Σ models is searched for what they do not explain. A voxel
 * becomes a peeled seed if R and E exceed t, R ≥ 0.93 E (the first-pass cells explain at most 7 % of E there),
 * R ranks above its 26 neighbours and above every other such voxel within the merge distance, and no first-pass
 * seed lies closer than 0.6 d (9 µm). Measured on the simulated crops: recall 0.895 → 0.942 in the dense box (F1
 * 0.941 → 0.961), 0.924 → 0.961 on the VTA (F1 0.958 → 0.972); precision 0.992 → 0.981 and 0.994 → 0.984, the
 * false cells mostly on large somata's flanks. Lower fractions trade one hidden cell for one false cell.</li>
 * <li><b>Segmentation</b>: every voxel climbs E by steepest ascent (26-neighbourhood, the same total order) to a
 * local maximum, abandoning the climb if it would leave a ball of one cell diameter around the start. The maximum
 * maps to its seed: itself if accepted, else its best suppressor if that is accepted; a peeled seed within one
 * diameter that is nearer than that seed takes the voxel instead. The voxel belongs to that
 * seed's cell if it lies within one cell diameter of the seed and E there is at least the segmentation fraction
 * (default 0.3) of E at the seed. Touching cells are split along the valley of E between them (a watershed by
 * steepest ascent).</li>
 * <li><b>Measurements and filters</b>: centre = E-weighted centroid of the cell's voxels; peak and mean input
 * intensity over them; background B at the seed; volume in voxels; score = E at the seed. Cells outside the
 * volume range (µm³) or whose peak is less than the given amount above the background are dropped.</li>
 * </ol>
 *
 * <h2>Chunks and exactness</h2>
 * The volume is cut into chunks (default 256 × 256 × 256 voxels, halved along the longest side while one does not fit the heap); each is read with a halo wide enough that every
 * value deciding a cell seeded in the chunk's core is computed from the same inputs, in the same order, as in a
 * whole-volume computation (see {@code CellDetector.Plan}): floating-point sums of the filters always run over the
 * taps −r … +r in the x, y, z pass order. A cell belongs to the chunk whose core holds its seed voxel; its voxels
 * are visited in global raster order, so its sums are the same in every chunking. The threshold is global.
 * Chunks run on {@code threads} workers; the table is sorted by seed z, y, x. Memory is about 23 bytes per voxel
 * of chunk + halo per worker (uint16 input), plus the threshold sample (4 bytes × up to 1 M voxels); if the
 * workers' buffers would take more than 60 % of the Java heap, fewer workers run (same result, reported through
 * the progress).
 */
package org.neuroatlas.core.detect;
