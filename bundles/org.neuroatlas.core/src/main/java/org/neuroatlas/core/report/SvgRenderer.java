package org.neuroatlas.core.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Writes a {@link Figure}'s marks as SVG text. Everything that could vary between runs is fixed: numbers are
 * rounded to two decimals in {@link Locale#ROOT}, attribute order is constant, rasters are embedded as PNG data
 * URIs (ImageIO's PNG writer writes no time stamp), so the same figure always gives the same bytes.
 */
final class SvgRenderer {

    /** Font list for SVG viewers: the same family Java2D's logical "SansSerif" maps to on most systems first. */
    static final String FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif";

    private SvgRenderer() {
    }

    static String document(Figure f) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(f, true);
    }

    static String element(Figure f, boolean namespaces) {
        StringBuilder sb = new StringBuilder(64 * f.marks().size() + 256);
        sb.append("<svg");
        if (namespaces) {
            sb.append(" xmlns=\"http://www.w3.org/2000/svg\"");
        }
        sb.append(" width=\"").append(num(f.width())).append("\" height=\"").append(num(f.height()))
                .append("\" viewBox=\"0 0 ").append(num(f.width())).append(' ').append(num(f.height()))
                .append("\" font-family=\"").append(FONT_FAMILY).append("\" data-figure=\"").append(escape(f.name())).append("\">\n");
        for (Mark m : f.marks()) {
            write(sb, m);
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void write(StringBuilder sb, Mark m) {
        if (m instanceof Mark.Rect r) {
            sb.append("<rect x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y())).append("\" width=\"").append(num(r.w()))
                    .append("\" height=\"").append(num(r.h())).append('"');
            paint(sb, r.fill(), r.stroke(), r.strokeWidth());
            key(sb, r.key());
            sb.append("/>\n");
        } else if (m instanceof Mark.Line l) {
            sb.append("<line x1=\"").append(num(l.x1())).append("\" y1=\"").append(num(l.y1())).append("\" x2=\"").append(num(l.x2()))
                    .append("\" y2=\"").append(num(l.y2())).append('"');
            paint(sb, Mark.NONE, l.stroke(), l.strokeWidth());
            if (l.dash() > 0) {
                sb.append(" stroke-dasharray=\"").append(num(l.dash())).append('"');
            }
            key(sb, l.key());
            sb.append("/>\n");
        } else if (m instanceof Mark.Circle c) {
            sb.append("<circle cx=\"").append(num(c.cx())).append("\" cy=\"").append(num(c.cy())).append("\" r=\"").append(num(c.r())).append('"');
            paint(sb, c.fill(), c.stroke(), c.strokeWidth());
            key(sb, c.key());
            if (c.title() != null) {
                sb.append("><title>").append(escape(c.title())).append("</title></circle>\n");
            } else {
                sb.append("/>\n");
            }
        } else if (m instanceof Mark.Text t) {
            sb.append("<text x=\"").append(num(t.x())).append("\" y=\"").append(num(t.y())).append("\" font-size=\"").append(num(t.size()))
                    .append("\" fill=\"").append(hex(t.colour())).append('"');
            if (t.anchor() != Mark.Anchor.START) {
                sb.append(" text-anchor=\"").append(t.anchor().svg).append('"');
            }
            if (t.bold()) {
                sb.append(" font-weight=\"bold\"");
            }
            if (t.rotate() != 0) {
                sb.append(" transform=\"rotate(").append(num(t.rotate())).append(' ').append(num(t.x())).append(' ').append(num(t.y())).append(")\"");
            }
            key(sb, t.key());
            sb.append('>').append(escape(t.text())).append("</text>\n");
        } else if (m instanceof Mark.Raster r) {
            sb.append("<image x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y())).append("\" width=\"").append(num(r.w()))
                    .append("\" height=\"").append(num(r.h())).append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(rasterPng(r))).append("\"/>\n");
        }
    }

    private static void paint(StringBuilder sb, int fill, int stroke, double strokeWidth) {
        sb.append(" fill=\"").append(fill == Mark.NONE ? "none" : hex(fill)).append('"');
        if (stroke != Mark.NONE) {
            sb.append(" stroke=\"").append(hex(stroke)).append("\" stroke-width=\"").append(num(strokeWidth)).append('"');
        }
    }

    private static void key(StringBuilder sb, String key) {
        if (key != null) {
            sb.append(" data-key=\"").append(escape(key)).append('"');
        }
    }

    static byte[] rasterPng(Mark.Raster r) {
        BufferedImage img = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, r.width(), r.height(), r.argb(), 0, r.width());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** #rrggbb */
    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    /** Two decimals at most, no trailing zeros, no "-0". */
    static String num(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2f", hundredths / 100.0);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /** Escapes text for XML content and double-quoted attributes. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0 at all; a stray one must not break the document.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
