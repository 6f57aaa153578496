/**
 * The spatial transform between a sample volume and the atlas: written by the cohort simulator (the true
 * transform of each synthetic brain) and by the registration step (its estimate), read to map cells and voxels.
 *
 * <h2>Spaces</h2>
 * <ul>
 * <li><b>Atlas space</b>: atlas µm, {@code x_a = atlas voxel index × atlas voxel size} along the atlas axes
 * (x = AP, y = DV, z = LR; see {@link org.neuroatlas.core.atlas.Atlas}); the first voxel's centre is the origin.</li>
 * <li><b>Sample space</b>: the sample volume's physical µm in its <em>stored</em> axes:
 * {@code x_s = column × voxel_x, y_s = row × voxel_y, z_s = plane × voxel_z}; the first voxel's centre is the
 * origin. No reorientation is applied first: axis permutations and flips live in the affine part.</li>
 * </ul>
 *
 * <h2>The model</h2>
 * <pre>
 *   atlas → sample:  x_s = A · W(x_a) + b,          W(x)  = x + u(x)
 *   sample → atlas:  x_a = W⁻¹(A⁻¹ · (x_s − b)),    W⁻¹(y) = y + v(y)
 * </pre>
 * {@code A} is any invertible 3×3 matrix (rotation, scaling, shear, axis permutations and flips), {@code b} a
 * translation in µm; together they are the {@link org.neuroatlas.core.register.AffineMap} "sample side".
 * {@code u} (the forward displacement) and {@code v} (the inverse displacement) are
 * {@link org.neuroatlas.core.register.DisplacementField}s in µm, sampled on regular grids in atlas space (atlas
 * axes, atlas µm), interpolated trilinearly and held constant beyond the grid's edge. A transform without fields
 * is purely affine. The intermediate space of {@code W(x_a)} ("warped atlas space") has atlas axes and units.
 * <p>
 * The forward direction (atlas → sample) is the one image registration estimates and uses for resampling: a
 * sample image is brought into atlas space by looking up, for every atlas voxel, the sample at
 * {@code A·W(x_a)+b}. Cells found in the sample travel the other way, through {@code v} followed by a few Newton
 * steps on {@code W(x) = y} (see {@link org.neuroatlas.core.register.AtlasTransform#sampleToAtlas}), so that both
 * directions agree to far below a voxel wherever {@code W} does not fold.
 *
 * <h2>Files</h2>
 * A transform is a folder ({@link org.neuroatlas.core.register.AtlasTransform#save}), written under a temporary
 * name and moved into place complete (a folder already there is replaced as a whole):
 * <ul>
 * <li>{@code transform.json}: format name and version, the model in words, the atlas identity key, the affine part
 * as 12 numbers (A row by row, each row followed by its b in µm), the sample volume (dimensions, voxel size in µm,
 * orientation code or null), the file names of the two fields (null when purely affine) and the quality figures
 * ({@link org.neuroatlas.core.register.TransformQuality}; null for a non-finite figure). Numbers are written so
 * that they read back bit-exactly. Readers accept format versions up to their own and ignore unknown members.
 * <pre>
 * {
 *   "format": "neuroatlas-transform",
 *   "formatVersion": 1,
 *   "model": "atlas-&gt;sample: x_s = A*(x_a + u(x_a)) + b; …",
 *   "atlas": "allen_mouse_ccf@2017/25um#0123456789abcdef",
 *   "affine": [
 *     a00, a01, a02, b0,
 *     a10, a11, a12, b1,
 *     a20, a21, a22, b2
 *   ],
 *   "sample": { "dimensions": [2000, 1500, 800], "voxelSizeUm": [4, 4, 5], "orientation": "psl" },
 *   "displacement": "displacement.nrrd",
 *   "inverseDisplacement": "displacement_inverse.nrrd",
 *   "quality": { "minJacobianDeterminant": 0.78, "maxJacobianDeterminant": 1.21, "foldedNodes": 0,
 *                "maxDisplacementUm": 300.0, "inverseResidualUm": 1.0E-4, "affineDeterminant": -0.89 }
 * }
 * </pre></li>
 * <li>{@code displacement.nrrd} (u) and {@code displacement_inverse.nrrd} (v): 4-D float NRRDs, gzip, vector axis
 * first, so that ITK and 3D Slicer read them as displacement fields:
 * <pre>
 * NRRD0004
 * type: float
 * dimension: 4
 * space: left-posterior-superior
 * sizes: 3 NX NY NZ
 * space directions: none (SX,0,0) (0,SY,0) (0,0,SZ)
 * kinds: vector domain domain domain
 * endian: little
 * encoding: gzip
 * space units: "microns" "microns" "microns"
 * space origin: (OX,OY,OZ)
 * neuroatlas.displacement:=atlas-space-um
 * </pre>
 * Grid and vectors are in µm along the atlas axes. The {@code space} label is the one Allen's CCF NRRDs carry
 * (their numbers are µm along AP, DV, LR under an LPS label), so in Slicer a field lies on the Allen volumes it
 * belongs to; tools that take the numbers as mm see field and atlas scaled alike. The vectors follow ITK's
 * displacement-field convention: u at a point of the fixed (atlas) grid points to where that point goes. Readers
 * insist on the {@code neuroatlas.displacement} key, so that a field in other units or another space is never
 * used silently.</li>
 * </ul>
 */
package org.neuroatlas.core.register;
