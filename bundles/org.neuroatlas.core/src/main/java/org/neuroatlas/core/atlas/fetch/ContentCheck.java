package org.neuroatlas.core.atlas.fetch;

import java.io.IOException;
import java.io.InputStream;

/**
 * A structural check of a downloaded file whose exact bytes are not known in advance (no pinned checksum): it reads
 * the whole file once, as a stream, and fails if the file is truncated, corrupt or of the wrong kind. It cannot tell
 * a valid file of a different version from the intended one; that is what pinned checksums are for.
 */
public interface ContentCheck {

    /**
     * Reads {@code in} (the file's bytes from the start; not necessarily to its end) and checks them. It does not
     * close {@code in}: the caller may go on reading (e.g. to finish a checksum over every byte).
     *
     * @return what was found, for the summary, e.g. "NRRD uint32 528×320×456, gzip payload complete (CRC ok)"
     * @throws IntegrityException if the content is not what it should be; the message says what was expected and
     *                            what was found
     * @throws IOException        if reading fails
     */
    String check(InputStream in) throws IOException, IntegrityException;

    /** A short description of what this check verifies, for help texts and summaries. */
    String describe();
}
