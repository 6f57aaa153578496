package org.neuroatlas.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Paints a {@link Figure}'s marks with Java2D into an image and encodes it as PNG. Works headless. */
final class Java2dRenderer {

    /** Java's logical sans-serif font: present on every Java runtime, mapped to a real font by the platform. */
    static final String FONT = "SansSerif";
    /** Larger images than this (pixels) are refused rather than exhausting the heap. */
    private static final long MAX_PIXELS = 100_000_000L;

    private Java2dRenderer() {
    }

    static byte[] png(Figure f, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, not " + scale);
        }
        int w = (int) Math.ceil(f.width() * scale), h = (int) Math.ceil(f.height() * scale);
        if ((long) w * h > MAX_PIXELS) {
            throw new IllegalArgumentException("image of " + w + " × " + h + " pixels is too large");
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            for (Mark m : f.marks()) {
                paint(g, m);
            }
        } finally {
            g.dispose();
        }
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

    private static void paint(Graphics2D g, Mark m) {
        if (m instanceof Mark.Rect r) {
            Rectangle2D shape = new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h());
            fillAndStroke(g, shape, r.fill(), r.stroke(), r.strokeWidth());
        } else if (m instanceof Mark.Line l) {
            float[] dash = l.dash() > 0 ? new float[] {(float) l.dash(), (float) l.dash()} : null;
            g.setStroke(new BasicStroke((float) l.strokeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, dash, 0));
            g.setColor(new Color(l.stroke()));
            g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
        } else if (m instanceof Mark.Circle c) {
            Ellipse2D shape = new Ellipse2D.Double(c.cx() - c.r(), c.cy() - c.r(), 2 * c.r(), 2 * c.r());
            fillAndStroke(g, shape, c.fill(), c.stroke(), c.strokeWidth());
        } else if (m instanceof Mark.Text t) {
            text(g, t);
        } else if (m instanceof Mark.Raster r) {
            BufferedImage img = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_ARGB);
            img.setRGB(0, 0, r.width(), r.height(), r.argb(), 0, r.width());
            Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            AffineTransform at = new AffineTransform();
            at.translate(r.x(), r.y());
            at.scale(r.w() / r.width(), r.h() / r.height());
            g.drawImage(img, at, null);
            if (old != null) {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
            }
        }
    }

    private static void fillAndStroke(Graphics2D g, java.awt.Shape shape, int fill, int stroke, double strokeWidth) {
        if (fill != Mark.NONE) {
            g.setColor(new Color(fill));
            g.fill(shape);
        }
        if (stroke != Mark.NONE && strokeWidth > 0) {
            g.setColor(new Color(stroke));
            g.setStroke(new BasicStroke((float) strokeWidth));
            g.draw(shape);
        }
    }

    private static void text(Graphics2D g, Mark.Text t) {
        Font font = new Font(FONT, t.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) t.size());
        g.setFont(font);
        g.setColor(new Color(t.colour()));
        FontMetrics fm = g.getFontMetrics();
        double w = fm.getStringBounds(t.text(), g).getWidth();
        double dx = switch (t.anchor()) {
            case START -> 0;
            case MIDDLE -> -w / 2;
            case END -> -w;
        };
        AffineTransform saved = g.getTransform();
        g.translate(t.x(), t.y());
        if (t.rotate() != 0) {
            g.rotate(Math.toRadians(t.rotate()));
        }
        g.drawString(t.text(), (float) dx, 0f);
        g.setTransform(saved);
    }
}
