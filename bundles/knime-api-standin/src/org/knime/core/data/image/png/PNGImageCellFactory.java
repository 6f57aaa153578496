package org.knime.core.data.image.png;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;

/**
 * Stand-in; subset: the FromInputStream interface, TYPE and getDataType/createCell are not declared. The created
 * cell is a stand-in cell holding the bytes (real KNIME returns a PNGImageCell / PNGImageBlobCell).
 */
public class PNGImageCellFactory {

    public static DataCell create(final InputStream is) throws IOException {
        return create(is.readAllBytes());
    }

    public static DataCell create(final byte[] contents) throws IOException {
        if (ImageIO.read(new ByteArrayInputStream(contents)) == null) {
            throw new IllegalArgumentException("Byte array does not represent a valid png image");
        }
        return new PNGImageStandinCell(contents);
    }
}
