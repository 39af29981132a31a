package org.marquee.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.marquee.model.SeatLayout;

/** {@code GET /openapi.yaml}: the API's contract, the OpenAPI document kept in shared-model. Needs no token. */
public final class OpenApiHandler {

    /** Where shared-model keeps the document on the class path. */
    public static final String RESOURCE = "/openapi.yaml";

    private final byte[] document;

    public OpenApiHandler(byte[] document) {
        this.document = document.clone();
    }

    /** The handler for the document in shared-model; fails at start, not at the first request, if it is missing. */
    public static OpenApiHandler fromSharedModel() {
        try (InputStream in = SeatLayout.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("shared-model has no " + RESOURCE);
            }
            return new OpenApiHandler(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    public void document(Context ctx) {
        ctx.contentType("application/yaml").result(document);
    }
}
