package org.neuroatlas.core.volume;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Length unit names as file formats write them ({@code microns}, {@code um}, {@code µm}, {@code mm}, …) and their size
 * in µm. Shared by the TIFF, NRRD, BigDataViewer and Imaris readers.
 */
public final class LengthUnits {

    private LengthUnits() {
    }

    /**
     * Micrometres per one {@code unit}, e.g. 1 for {@code um}, 1000 for {@code mm}; empty for an unknown or
     * non-physical unit such as {@code pixel}. Surrounding quotes and blanks are ignored, case is ignored.
     */
    public static OptionalDouble micronsPer(String unit) {
        if (unit == null) {
            return OptionalDouble.empty();
        }
        String u = unit.trim();
        if (u.length() >= 2 && u.startsWith("\"") && u.endsWith("\"")) {
            u = u.substring(1, u.length() - 1).trim();
        }
        // Both the micro sign (U+00B5) and the Greek mu (U+03BC) occur in files; ImageJ may write the escape literally.
        u = u.replace("\\u00b5", "u").replace("\\u00B5", "u").replace('\u03bc', 'u').replace('\u00b5', 'u').toLowerCase(Locale.ROOT);
        return switch (u) {
            case "um", "micron", "microns", "micrometer", "micrometers", "micrometre", "micrometres" -> OptionalDouble.of(1);
            case "nm", "nanometer", "nanometers", "nanometre", "nanometres" -> OptionalDouble.of(1e-3);
            case "mm", "millimeter", "millimeters", "millimetre", "millimetres" -> OptionalDouble.of(1e3);
            case "cm", "centimeter", "centimeters", "centimetre", "centimetres" -> OptionalDouble.of(1e4);
            case "m", "meter", "meters", "metre", "metres" -> OptionalDouble.of(1e6);
            case "\u00e5", "angstrom", "angstroms" -> OptionalDouble.of(1e-4);
            default -> OptionalDouble.empty();
        };
    }
}
