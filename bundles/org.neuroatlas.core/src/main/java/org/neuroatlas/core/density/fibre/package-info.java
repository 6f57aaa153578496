/**
 * Fibre (axon) density per atlas region from the full-resolution signal: chunked, multi-threaded, in bounded memory,
 * and exact (the table is byte-identical for any chunk size and thread count).
 * <p>
 * Entry point {@link org.neuroatlas.core.density.fibre.FibreDensity#measure}; settings
 * {@link org.neuroatlas.core.density.fibre.FibreSettings}; table
 * {@link org.neuroatlas.core.density.fibre.AxonDensityTable#SCHEMA}.
 *
 * <h2>Method</h2>
 * Lengths are µm, converted to voxels per axis with the voxel size (anisotropic voxels get anisotropic kernels of the
 * same physical σ). Kernels are separable, truncated at 4σ; at the volume's true edges the image is mirrored about the
 * edge voxel.
 * <ol>
 * <li><b>Ridge filter</b>: the Hessian of the image smoothed at σ = d/(2√2) for fibre diameters d from the smallest
 * to the largest given in steps of √2 (default 1–3 µm), each σ raised to at least {@value FibreFilter#MIN_SIGMA_VOXELS}
 * voxels (a narrower sampled kernel gives no usable second derivative — at 2 µm voxels all of 1–3 µm is one scale).
 * Per voxel the eigenvalues e1 ≤ e2 ≤ e3 give the tubularity −e2 − |e3|: about −e2 across a bright tube, about 0 on
 * plates (a soma's edge) and on isotropic blobs (a soma, a noise speck). R = max over scales of σ² × tubularity, in
 * intensity units. Background removal needs no separate step: second derivatives ignore any background that is
 * smooth on the fibre scale (tissue autofluorescence, illumination shading).</li>
 * <li><b>Threshold</b>: automatic t = k × σ_n (k = 1 by default), σ_n the voxel noise = 1.4826 × MAD of (voxel −
 * mean of its 4 in-plane neighbours) / √1.25 over a fixed sample of the volume (up to 4 × 4 × 4 blocks of 32 × 32 × 16 voxels on
 * a grid set by the volume's size only, as the cell detector); or an absolute t in R's units. Not the spread of R
 * itself: where fibres fill several % of the tissue they widen R's whole distribution (MAD 6.8 against 2.6 in a
 * sparse region at the same noise, measured), and a threshold from it lost a third of the fibres. A low k is
 * affordable because of the next rule.</li>
 * <li><b>Width rule</b>: a voxel is fibre if R &gt; t and R ≥ f × the highest R among its 26 neighbours (f = 0.59 by
 * default): the fibre's cross-section down to f of its peak, whatever its brightness. Isolated noise maxima pass this
 * rule too, but not the threshold; noise next to a fibre fails it. f is the width calibration: with it an isolated
 * simulated 2 µm fibre at 2 µm voxels gets as many mask voxels as it fills (f = 0.5 gave 14–16 % too many, all of
 * them true fibre voxels — measured voxel by voxel, no noise or soma voxels among them).</li>
 * <li><b>Somata</b>: a voxel is soma (never fibre) where the difference of Gaussians at the cell scale S (as the
 * detector: σ_in = r/√3/√1.6, σ_out = 1.6 σ_in for cell radius r) stands above median + 3 × 1.4826 × MAD of its
 * own sample and S ≥ 0.5 R: across a fibre S is about 0.27 R (a line's DoG against its σ²-normalised curvature),
 * inside a soma R is only noise while S is a large part of the soma's brightness. With a cells table, balls of 1.3 ×
 * each cell's radius (its {@code diameter_um}, else the cell diameter) are excluded as well (not instead: balls miss
 * the blurred ends of elongated somata).</li>
 * <li><b>Hidden tissue</b>: a soma fills its voxels, so the fibre there is not observed (with the simulator's fibres
 * and somata at 60,000 cells/mm³, a substantia nigra's density, the soma rule fires on a fifth of the voxels, half of
 * them inside somata, half on their blurred rims, and they hold a fifth of the fibre). Voxels inside somata are
 * counted apart ({@code soma_voxels}) and left out of the fraction: S at least median + 2 × (soma threshold − median) and S ≥ 0.5 × the highest R of the voxel
 * and its 26 neighbours, or inside a given cell's ball. Not the soma rule's voxels themselves: that rule also fires on a
 * sheath around fibres (their own blob response: 2–12 % of the voxels of fibre-only volumes); the doubled level
 * alone still kept up to 5.5 % where fibres are sparse and the soma threshold low (+4 % in a simulated PL), with the
 * neighbours' ridge ≤ 0.07 %. The hidden voxels are then widened by one voxel (any of the 26 neighbours hidden):
 * a soma's blurred edge makes ridge-like responses that the soma rule does not always catch, and without the
 * widening a fibre-free simulated SNc read up to a fifth of its true fibre level from them (up to 4.2·10⁻⁴; at most 1·10⁻⁴ with it),
 * which put one SNc 14 % high.</li>
 * <li><b>Regions</b>: every voxel centre is carried to atlas µm by the transform (evaluated exactly at every 8th
 * voxel of a row, at global x multiples of 8 computed in fixed segments, and interpolated linearly between, as the
 * simulator does) and takes the label and side of the nearest atlas voxel, as {@code map} does for cells. Per
 * label × side, imaged, soma and fibre voxels are counted in longs; chunks add their counts, so the sum is exact in any
 * order. The full-resolution mask is never held.</li>
 * <li><b>Density correction</b> ({@link org.neuroatlas.core.density.fibre.FibreVolume}): fibres whose axes pass
 * within about 3 µm of each other are one ridge to the filter, so the segmented fraction m of a region falls behind
 * where fibres are dense (−7 % at 2 %, −17 % at 4 %, measured voxel by voxel; the width rule cannot fix both ends).
 * As for random lines, m = u·e^(−κu) with u the fibre length density × cross-section, while the fibre volume fraction
 * is the union 1 − e^(−u); fibre_fraction inverts the first and returns the second (κ = 5.2), from the region's own m
 * (with descendants). Calibrated with f on the simulator's fibres at constant targets (seeds 1–2, 0.05–6 %), within
 * ±1.5 % from 0.1 % to 5 % on other seeds. It assumes a region's fibres are about evenly dense: a region half empty,
 * half dense is under-corrected.</li>
 * </ol>
 * fibre_fraction = the corrected fraction of the region's (with descendants) observed voxels (imaged − soma): the fibre
 * volume fraction of the imaged tissue <em>assuming fibres run independently of the cell bodies</em> (then the
 * tissue outside somata is a fair sample of the whole), the quantity the simulator's ground truth
 * {@code fibre_fraction} measures (rendered coverage summed over all the voxels mapping to the region, somata
 * included, over their number; its fibres ignore the somata). Counted as imaged tissue, the voxels inside somata cost
 * 9–18 % of SNc's fibre and 4–9 % of VTA's. Where somata fill most of a sample the soma threshold, taken from S's
 * own spread, rises and soma edges leak as fibre.
 *
 * <h2>Chunks and memory</h2>
 * Each chunk is filtered with a halo of the widest kernel's radius plus two voxels (the rules read the neighbours,
 * and the widened hidden tissue the neighbours' neighbours), so every
 * value deciding a core voxel is computed from the same inputs with taps summed in the same order as in any other
 * chunking. The atlas annotation is held as two bytes per voxel plus one for the side (at most 250 M voxels, i.e.
 * 25 µm). A worker holds about 60 bytes per voxel of chunk + halo; if the workers' buffers would exceed 60 % of the
 * heap, fewer run (same result).
 */
package org.neuroatlas.core.density.fibre;
