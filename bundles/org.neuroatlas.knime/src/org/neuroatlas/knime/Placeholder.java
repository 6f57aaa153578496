package org.neuroatlas.knime;
public class Placeholder { Object o = org.neuroatlas.core.volume.Placeholder.x(); org.knime.core.node.CanceledExecutionException e; }
