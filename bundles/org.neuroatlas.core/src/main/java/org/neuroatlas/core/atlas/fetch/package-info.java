/**
 * Downloading reference atlases (e.g. the Allen mouse CCFv3) from their publishers, resumably and verified.
 * <p>
 * {@link org.neuroatlas.core.atlas.fetch.AtlasCatalog} holds, as data, which files make up each atlas release and
 * what is known about their exact bytes; {@link org.neuroatlas.core.atlas.fetch.Downloader} fetches them into a
 * hidden partial folder next to the destination, verifies each one (a pinned SHA-256 where the exact bytes are known,
 * a structural integrity check otherwise) and only then moves them into the destination. No user interface code
 * here: the CLI and the KNIME nodes are thin layers over this package.
 */
package org.neuroatlas.core.atlas.fetch;
