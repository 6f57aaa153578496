package org.neuroatlas.core.volume.hdf5;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.volume.PixelType;

import io.jhdf.api.Dataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OrderedDataType;

/** Maps HDF5 voxel types of image datasets to {@link PixelType}s. */
final class Hdf5Types {

    private Hdf5Types() {
    }

    /**
     * The pixel type of {@code dataset}: unsigned 8/16/32-bit integers and 32-bit floats.
     *
     * @param signed16IsUnsigned true for BigDataViewer, which stores uint16 voxels in int16 datasets (a limitation
     *                           of the HDF5 library it once used); the bits are the same, so they read as uint16
     * @throws InputException naming {@code file} for any other type
     */
    static PixelType pixelType(Dataset dataset, boolean signed16IsUnsigned, Path file) {
        DataType t = dataset.getDataType();
        if (t instanceof FixedPoint fp) {
            int bits = fp.getSize() * 8;
            if (!fp.isSigned() || (bits == 16 && signed16IsUnsigned)) {
                switch (bits) {
                    case 8:
                        return PixelType.UINT8;
                    case 16:
                        return PixelType.UINT16;
                    case 32:
                        return PixelType.UINT32;
                    default:
                        break;
                }
            }
            throw unsupported(file, dataset, (fp.isSigned() ? "int" : "uint") + bits);
        }
        if (t instanceof FloatingPoint && t.getSize() == 4) {
            return PixelType.FLOAT32;
        }
        throw unsupported(file, dataset, t instanceof FloatingPoint ? "float" + t.getSize() * 8 : t.getClass().getSimpleName());
    }

    /** A readable name of the stored type, e.g. {@code int16}, {@code float32}. */
    static String storedTypeName(Dataset dataset) {
        DataType t = dataset.getDataType();
        if (t instanceof FixedPoint fp) {
            return (fp.isSigned() ? "int" : "uint") + fp.getSize() * 8;
        }
        if (t instanceof FloatingPoint) {
            return "float" + t.getSize() * 8;
        }
        return t.getClass().getSimpleName();
    }

    /** Byte order of the stored voxels. */
    static ByteOrder byteOrder(Dataset dataset) {
        return dataset.getDataType() instanceof OrderedDataType o ? o.getByteOrder() : ByteOrder.LITTLE_ENDIAN;
    }

    private static InputException unsupported(Path file, Dataset dataset, String type) {
        return InputException.file(file, "dataset " + dataset.getPath() + " holds voxels of type " + type + ", which is not supported",
                "NeuroAtlas reads uint8, uint16, uint32 and float32 volumes; convert the data (e.g. in Fiji) and save it again");
    }
}
