/**
 * Cells to atlas regions, and cells per region: the step between detection (cells in sample µm) and statistics.
 *
 * <h2>Mapping ({@link org.neuroatlas.core.density.CellMapper})</h2>
 * <ol>
 * <li>Each cell centre, in sample µm along the sample volume's stored axes ({@code x_um = column × voxel x}, …), is
 * carried to atlas µm by the sample's {@link org.neuroatlas.core.register.AtlasTransform} (inverse affine, inverse
 * warp refined by Newton steps; far below 0.01 µm from the exact inverse where the warp does not fold).</li>
 * <li>Its region is the annotation label of the <em>nearest atlas voxel</em> at the annotation's own (finest)
 * resolution: index {@code round(atlas_um / voxel_um)} per axis, voxel centres at integer indices. No interpolation,
 * no majority vote: a label is a category, and the nearest voxel is what the atlas says about that point. A cell
 * within rounding error of a voxel face may land on either side.</li>
 * <li>Its hemisphere follows {@link org.neuroatlas.core.atlas.Hemisphere} (BrainGlobe: the higher LR index is left):
 * from the atlas's hemisphere volume when it has one on the annotation's grid, else — and where that volume holds
 * neither side — the midline split of the nearest voxel's LR index.</li>
 * <li>Ancestor levels are given as Allen's {@code structure_id_path} ({@code /997/8/…/id/}), which holds every level
 * at once; roll-ups are computed from the ontology, so no per-level columns are needed.</li>
 * <li>No cell is dropped. A cell on a voxel labelled 0 is {@code outside_brain}; one whose nearest voxel lies
 * beyond the atlas grid is {@code outside_atlas} (no hemisphere); one on a label the ontology lacks is
 * {@code unknown_label}. These keep their atlas position and are not counted.</li>
 * </ol>
 * A transform made for another atlas (identity key) is refused, naming both keys.
 *
 * <h2>Counts ({@link org.neuroatlas.core.density.RegionCounts})</h2>
 * Per sample × region × hemisphere (left, right, both): {@code count_own} (cells labelled exactly the region),
 * {@code count} (rolled up: the region and all its descendants), {@code volume_mm3} (the atlas volume of the region
 * with its descendants on that side, from {@link org.neuroatlas.core.atlas.RegionVolumes}) and
 * {@code density_per_mm3 = count / volume_mm3}. Densities are per mm³ of <em>atlas</em> space, so brains of
 * different size and shrinkage compare directly. Left + right = both for every column but the density.
 *
 * <h2>Tables</h2>
 * {@link org.neuroatlas.core.density.MappedCellTable} and {@link org.neuroatlas.core.density.RegionCounts#SCHEMA};
 * the atlas identity key travels in every row of both.
 */
package org.neuroatlas.core.density;
