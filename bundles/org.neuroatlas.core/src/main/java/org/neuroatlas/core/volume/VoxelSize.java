package org.neuroatlas.core.volume;

import java.util.Locale;

import org.neuroatlas.core.InputException;

/**
 * Physical size of one voxel in µm along x (column), y (row) and z (plane). Written and parsed as {@code X,Y,Z}.
 *
 * @param xUm voxel size along columns, µm
 * @param yUm voxel size along rows, µm
 * @param zUm voxel size along planes, µm
 */
public record VoxelSize(double xUm, double yUm, double zUm) {

    public VoxelSize {
        if (!(xUm > 0 && yUm > 0 && zUm > 0) || Double.isInfinite(xUm) || Double.isInfinite(yUm) || Double.isInfinite(zUm)) {
            throw new IllegalArgumentException("voxel size must be positive and finite: " + xUm + "," + yUm + "," + zUm);
        }
    }

    /** Isotropic voxels of {@code um} µm. */
    public static VoxelSize isotropic(double um) {
        return new VoxelSize(um, um, um);
    }

    /**
     * Parses {@code X,Y,Z} in µm (a single number means isotropic).
     *
     * @param parameter the parameter's name, used in the error message (e.g. {@code --voxel-size})
     * @throws InputException if the text is not one or three positive numbers
     */
    public static VoxelSize parse(String text, String parameter) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*,\\s*");
        try {
            if (parts.length == 1 && !parts[0].isEmpty()) {
                return isotropic(Double.parseDouble(parts[0]));
            }
            if (parts.length == 3) {
                return new VoxelSize(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the user-facing message
        }
        throw InputException.parameter(parameter, "'" + text + "' is not a voxel size",
                "Give three positive numbers in µm as X,Y,Z (column, row, plane), e.g. 2,2,5");
    }

    /** Size along axis {@code d} (0 = x, 1 = y, 2 = z), µm. */
    public double um(int d) {
        return switch (d) {
            case 0 -> xUm;
            case 1 -> yUm;
            case 2 -> zUm;
            default -> throw new IndexOutOfBoundsException(d);
        };
    }

    /** Volume of one voxel in mm³. */
    public double voxelVolumeMm3() {
        return xUm * yUm * zUm * 1e-9;
    }

    /** {@code X,Y,Z} with no superfluous digits, e.g. {@code 2,2,5} or {@code 0.65,0.65,2.5}. */
    @Override
    public String toString() {
        return format(xUm) + "," + format(yUm) + "," + format(zUm);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
