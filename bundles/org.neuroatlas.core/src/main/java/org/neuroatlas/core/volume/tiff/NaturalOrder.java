package org.neuroatlas.core.volume.tiff;

import java.util.Comparator;

/**
 * Orders file names as a person would: runs of digits compare by value, so {@code image_2} comes before
 * {@code image_10}; the rest compares case-insensitively. Plane files are rarely zero-padded consistently.
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int c = compareNumbers(a, i, ei, b, j, ej);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b); // equal by value (e.g. 007 vs 7): any fixed order
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int e = from;
        while (e < s.length() && isDigit(s.charAt(e))) {
            e++;
        }
        return e;
    }

    /** Compares two digit runs by value, without overflow for any length. */
    private static int compareNumbers(String a, int ia, int ea, String b, int ib, int eb) {
        while (ia < ea - 1 && a.charAt(ia) == '0') {
            ia++;
        }
        while (ib < eb - 1 && b.charAt(ib) == '0') {
            ib++;
        }
        int c = Integer.compare(ea - ia, eb - ib);
        if (c != 0) {
            return c;
        }
        for (; ia < ea; ia++, ib++) {
            c = Character.compare(a.charAt(ia), b.charAt(ib));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
