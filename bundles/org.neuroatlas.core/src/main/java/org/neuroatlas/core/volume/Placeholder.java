package org.neuroatlas.core.volume;
public class Placeholder { public static Object h(java.io.File f) { return new io.jhdf.HdfFile(f); } public static net.imglib2.img.Img<net.imglib2.type.numeric.integer.UnsignedShortType> x() { return net.imglib2.img.array.ArrayImgs.unsignedShorts(2,2); } }
