package org.neuroatlas.core.register.elastix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neuroatlas.core.register.AffineMap;

/**
 * Our elastix parameter files (resources {@value #AFFINE} and {@value #BSPLINE} next to this class; see their
 * comments) with the values the settings choose filled in, and the initial-pose transform file given to elastix
 * with {@code -t0}.
 */
final class ElastixParameters {

    static final String AFFINE = "affine.txt";
    static final String BSPLINE = "bspline.txt";

    private ElastixParameters() {
    }

    /** The shipped parameter file {@code name}, as text. */
    static String resource(String name) {
        try (InputStream in = ElastixParameters.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("parameter file " + name + " is missing from the NeuroAtlas bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the parameter file " + name, e);
        }
    }

    /**
     * {@code text} with the value of each named parameter replaced; a parameter that is not there is added.
     * Values are written as given (quote strings yourself, e.g. {@code "\"AdvancedNormalizedCorrelation\""}).
     */
    static String with(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            Pattern p = Pattern.compile("^\\(" + Pattern.quote(e.getKey()) + "\\s[^)]*\\)", Pattern.MULTILINE);
            String line = "(" + e.getKey() + " " + e.getValue() + ")";
            Matcher m = p.matcher(out);
            out = m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : out + "\n" + line + "\n";
        }
        return out;
    }

    /**
     * Writes an elastix/transformix AffineTransform parameter file for {@code map} (atlas µm → sample µm, i.e.
     * fixed → moving physical points), with the template's grid as the fixed image. ITK's affine is
     * {@code x → M(x − c) + t + c}; with centre c = 0 its 12 parameters are M row by row, then t, which are our
     * A and b.
     *
     * @param templateDims    template size, voxels
     * @param templateSpacing template voxel size, µm (origin 0)
     */
    static Path writeAffine(Path file, AffineMap map, int[] templateDims, double[] templateSpacing) throws IOException {
        StringBuilder params = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                params.append(num(map.get(r, c))).append(' ');
            }
        }
        double[] t = map.translationUm();
        params.append(num(t[0])).append(' ').append(num(t[1])).append(' ').append(num(t[2]));
        String text = String.format(Locale.ROOT, """
                // atlas µm -> sample µm, written by NeuroAtlas
                (Transform "AffineTransform")
                (NumberOfParameters 12)
                (TransformParameters %s)
                (CenterOfRotationPoint 0 0 0)
                (InitialTransformParametersFileName "NoInitialTransform")
                (HowToCombineTransforms "Compose")
                (FixedImageDimension 3)
                (MovingImageDimension 3)
                (FixedInternalImagePixelType "float")
                (MovingInternalImagePixelType "float")
                (Size %d %d %d)
                (Index 0 0 0)
                (Spacing %s %s %s)
                (Origin 0 0 0)
                (Direction 1 0 0 0 1 0 0 0 1)
                (UseDirectionCosines "true")
                (ResampleInterpolator "FinalBSplineInterpolator")
                (FinalBSplineInterpolationOrder 1)
                (Resampler "DefaultResampler")
                (DefaultPixelValue 0)
                (ResultImageFormat "mhd")
                (ResultImagePixelType "float")
                (CompressResultImage "false")
                """, params, templateDims[0], templateDims[1], templateDims[2], num(templateSpacing[0]), num(templateSpacing[1]),
                num(templateSpacing[2]));
        Files.writeString(file, text);
        return file;
    }

    /** Plain decimal (elastix's parser does not need exponents, and 17 significant digits keep doubles exact). */
    private static String num(double d) {
        return new java.math.BigDecimal(d).round(java.math.MathContext.DECIMAL64).toPlainString();
    }
}
