package org.neuroatlas.core.volume;

import java.util.Locale;

import org.neuroatlas.core.InputException;

/**
 * Anatomical orientation of a volume as a BrainGlobe three-letter code, e.g. {@code psl} or {@code asr}.
 * <p>
 * The letters describe the axes in BrainGlobe's array order for a stack loaded as [plane, row, column], i.e.
 * our z, y, x. Each letter names the side the axis <em>starts from</em> (its index 0): {@code a}nterior or
 * {@code p}osterior, {@code s}uperior (dorsal) or {@code i}nferior (ventral), {@code l}eft or {@code r}ight.
 * So {@code psl} means: planes run from posterior to anterior, rows from superior to inferior, columns from left
 * to right. The Allen CCF annotation read from its NRRD (x = AP, y = DV, z = LR) is {@code rsa} in this
 * ordering; BrainGlobe calls the same array, transposed to [AP, DV, LR], {@code asr}.
 */
public final class Orientation {

    private final String code;

    private Orientation(String code) {
        this.code = code;
    }

    /**
     * Parses a three-letter code with one letter of each pair a/p, s/i, l/r (case-insensitive).
     *
     * @param parameter the parameter name for the error message, e.g. {@code --orientation}
     */
    public static Orientation parse(String text, String parameter) {
        String c = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (c.length() == 3) {
            boolean ap = false, si = false, lr = false, ok = true;
            for (char ch : c.toCharArray()) {
                switch (ch) {
                    case 'a', 'p' -> { ok &= !ap; ap = true; }
                    case 's', 'i' -> { ok &= !si; si = true; }
                    case 'l', 'r' -> { ok &= !lr; lr = true; }
                    default -> ok = false;
                }
            }
            if (ok) {
                return new Orientation(c);
            }
        }
        throw InputException.parameter(parameter, "'" + text + "' is not an orientation code",
                "Give three letters for the plane, row and column axes, one of each pair a/p, s/i, l/r, naming the side "
                        + "each axis starts from (BrainGlobe convention), e.g. psl or asr");
    }

    /** The three-letter code, lower case. */
    public String code() {
        return code;
    }

    /** The letter for ImgLib2 dimension {@code d} (0 = x/column, 1 = y/row, 2 = z/plane). */
    char letterOfDimension(int d) {
        return code.charAt(2 - d);
    }

    /**
     * How to turn a volume in this orientation into one in {@code target}: which source dimension feeds each
     * target dimension, and whether it runs backwards.
     */
    public AxisMapping mappingTo(Orientation target) {
        int[] sourceDim = new int[3];
        boolean[] flip = new boolean[3];
        for (int t = 0; t < 3; t++) {
            char want = target.letterOfDimension(t);
            for (int s = 0; s < 3; s++) {
                char have = letterOfDimension(s);
                if (have == want || have == opposite(want)) {
                    sourceDim[t] = s;
                    flip[t] = have != want;
                }
            }
        }
        return new AxisMapping(sourceDim, flip);
    }

    private static char opposite(char c) {
        return switch (c) {
            case 'a' -> 'p';
            case 'p' -> 'a';
            case 's' -> 'i';
            case 'i' -> 's';
            case 'l' -> 'r';
            case 'r' -> 'l';
            default -> throw new IllegalArgumentException(String.valueOf(c));
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Orientation other && other.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
