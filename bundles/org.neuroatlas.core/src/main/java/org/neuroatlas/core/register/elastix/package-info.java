/**
 * The elastix registration backend: the same inputs as the built-in engine ({@code Registration}) and the same
 * kind of result, our {@link org.neuroatlas.core.register.AtlasTransform}, so that mapping and everything
 * downstream work unchanged. Entry point: {@link org.neuroatlas.core.register.elastix.ElastixRegistration#register}.
 *
 * <h2>Steps</h2>
 * <ol>
 * <li>The sample is prepared as for the built-in engine ({@link org.neuroatlas.core.register.PreparedSample}:
 * downsampled to the template's voxel size in its own stored axes, normalised).</li>
 * <li>Template and prepared sample are written as MetaImages (.mhd + .raw, float) into a work folder, each with
 * its physical frame in µm: the template's first voxel centre at 0 (atlas µm), the sample's at its prepared origin
 * (sample µm); MetaImage's Offset is the first voxel's centre, as in our convention.</li>
 * <li>{@code elastix -f template -m sample -t0 initial_pose.txt -p affine.txt -p bspline.txt}: the initial pose is
 * the built-in engine's (orientation code, brain volumes and centroids), since elastix cannot read orientation codes;
 * the parameter files are resources next to this package's classes and documented in their comments. Output goes to
 * {@code elastix.log}; progress is read from its iteration lines; cancelling kills the process.</li>
 * <li>With fixed = template and moving = sample, elastix's transform maps a template (atlas) point to a sample
 * point: atlas → sample, our forward direction. {@code transformix -def all} writes it as a displacement at every
 * template voxel, which {@link org.neuroatlas.core.register.elastix.FieldConversion} splits into the least-squares
 * affine part A|b over the atlas brain and the field u on the template's grid; the inverse field (sample → atlas)
 * and the quality figures are computed by {@code AtlasTransform.of} as for the built-in engine.</li>
 * </ol>
 * The NCC figures are measured on the converted transform by the built-in engine's own code, so the backends'
 * figures compare directly.
 */
package org.neuroatlas.core.register.elastix;
