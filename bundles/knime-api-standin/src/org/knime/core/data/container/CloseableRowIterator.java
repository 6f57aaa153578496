package org.knime.core.data.container;

import java.io.Closeable;

import org.knime.core.data.RowIterator;

/** The static from/wrap/empty helpers (since 5.2) are intentionally not declared. */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    @Override
    public abstract void close();
}
