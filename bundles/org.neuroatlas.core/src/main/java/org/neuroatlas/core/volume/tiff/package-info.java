/**
 * TIFF volumes: {@link org.neuroatlas.core.volume.tiff.TiffFormat} reads a multi-page TIFF (one page per z plane)
 * or a folder of single-plane TIFFs lazily, block by block; {@link org.neuroatlas.core.volume.tiff.TiffWriter}
 * writes either, streaming plane by plane, with ImageJ-compatible calibration.
 * <p>
 * Inside: {@code TiffHeader}/{@code Ifd}/{@code TiffPage} parse and check the file structure without touching
 * pixels; {@code TiffStack} and {@code TiffSeries} say where each plane is; {@code TiffBlockReader} reads boxes
 * of voxels through a bounded {@code ChannelPool}, with {@code Decompressor} (LZW, Deflate, PackBits,
 * {@code Predictor}) and {@link org.neuroatlas.core.volume.VoxelBytes} for bulk byte-order conversion (planes
 * streamed in order are read ahead by {@link org.neuroatlas.core.volume.PlaneStream}); {@code TiffMetadata} finds the voxel size;
 * {@code StackLayout} and {@code IfdEncoder} plan and encode what the writer produces.
 */
package org.neuroatlas.core.volume.tiff;
