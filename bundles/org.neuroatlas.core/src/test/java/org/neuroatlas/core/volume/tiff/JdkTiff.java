package org.neuroatlas.core.volume.tiff;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.neuroatlas.core.volume.PixelType;

/** The JDK's own TIFF plugin (javax.imageio, Java 9+) as an independent writer of fixtures and reader of references. */
final class JdkTiff {

    private JdkTiff() {
    }

    /** A one-band image of the given type holding {@code w × h} voxels starting at {@code from} of {@code voxels}. */
    static BufferedImage image(PixelType type, int w, int h, Object voxels, int from) {
        int n = w * h;
        switch (type) {
            case UINT8 -> {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                System.arraycopy(voxels, from, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, n);
                return img;
            }
            case UINT16 -> {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
                System.arraycopy(voxels, from, ((DataBufferUShort) img.getRaster().getDataBuffer()).getData(), 0, n);
                return img;
            }
            default -> {
                int dataType = type == PixelType.FLOAT32 ? DataBuffer.TYPE_FLOAT : DataBuffer.TYPE_INT;
                ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), new int[] {32}, false, false,
                        Transparency.OPAQUE, dataType);
                WritableRaster r = cm.createCompatibleWritableRaster(w, h);
                if (type == PixelType.FLOAT32) {
                    System.arraycopy(voxels, from, ((DataBufferFloat) r.getDataBuffer()).getData(), 0, n);
                } else {
                    System.arraycopy(voxels, from, ((DataBufferInt) r.getDataBuffer()).getData(), 0, n);
                }
                return new BufferedImage(cm, r, false, null);
            }
        }
    }

    /**
     * Writes {@code pages} planes of {@code voxels} as a multi-page TIFF.
     *
     * @param compression null for none, else an ImageIO compression type ("LZW", "Deflate", "ZLib", "PackBits")
     * @param tile        0 for strips, else square tiles of this size (multiple of 16)
     */
    static void write(Path file, PixelType type, int w, int h, int pages, Object voxels, String compression, int tile)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            if (compression != null) {
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionType(compression);
            }
            if (tile > 0) {
                p.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
                p.setTiling(tile, tile, 0, 0);
            }
            writer.prepareWriteSequence(null);
            for (int z = 0; z < pages; z++) {
                writer.writeToSequence(new IIOImage(image(type, w, h, voxels, z * w * h), null, null), p);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** Page {@code index} of a TIFF as decoded by the JDK. */
    static Raster readPage(Path file, int index) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            return reader.read(index).getRaster();
        } finally {
            reader.dispose();
        }
    }

    /** Number of pages as the JDK counts them. */
    static int pageCount(Path file) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }
}
