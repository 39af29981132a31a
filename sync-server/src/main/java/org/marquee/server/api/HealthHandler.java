package org.marquee.server.api;

import io.javalin.http.Context;
import java.util.function.BooleanSupplier;
import org.marquee.model.HealthView;
import org.marquee.server.web.Requests;

/**
 * {@code GET /health}: 200 when the server and its database answer, 503 otherwise. Needs no token; the version is
 * told only to callers with a valid one, so that a scanner cannot look up which known flaws this build has.
 */
public final class HealthHandler {

    private final BooleanSupplier databaseUp;
    private final String version;

    public HealthHandler(BooleanSupplier databaseUp, String version) {
        this.databaseUp = databaseUp;
        this.version = version;
    }

    public void health(Context ctx) {
        boolean up = databaseUp.getAsBoolean();
        ctx.status(up ? 200 : 503)
                .json(new HealthView(
                        up ? "UP" : "DOWN",
                        up ? "UP" : "DOWN",
                        ctx.attribute(Requests.PRINCIPAL) == null ? null : version));
    }
}
