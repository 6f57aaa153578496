package org.neuroatlas.core.volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

/** Voxel type conversion as a view: values are rounded (for integer targets) and clamped to the target's range. */
public final class PixelConversion {

    private PixelConversion() {
    }

    /** {@code source} viewed as {@code target} voxels; the same volume if the type already matches. */
    public static <S extends RealType<S> & NativeType<S>, T extends RealType<T> & NativeType<T>> Volume<T> convert(Volume<S> source,
            PixelType target) {
        if (source.pixelType() == target) {
            @SuppressWarnings("unchecked")
            Volume<T> same = (Volume<T>) source;
            return same;
        }
        T type = target.createVariable();
        double max = target.maxValue();
        boolean integer = !target.isFloatingPoint();
        RandomAccessibleInterval<T> converted = Converters.convert(source.voxels(), (S a, T b) -> {
            double v = a.getRealDouble();
            if (integer) {
                v = Double.isNaN(v) ? 0 : Math.max(0, Math.min(max, Math.rint(v)));
            }
            b.setReal(v);
        }, type);
        return Volume.of(converted, source.voxelSizeUm(), target, source.name(), source.orientation().orElse(null), source.metadata(), null);
    }
}
