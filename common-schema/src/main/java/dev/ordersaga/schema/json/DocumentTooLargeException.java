package dev.ordersaga.schema.json;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/** A document over {@link StrictJson#MAX_DOCUMENT_BYTES}, refused before it is parsed. */
public class DocumentTooLargeException extends StreamConstraintsException {

    private static final long serialVersionUID = 1L;

    public DocumentTooLargeException(long length) {
        super("Document of " + length + " bytes exceeds the maximum of " + StrictJson.MAX_DOCUMENT_BYTES + " bytes");
    }
}
