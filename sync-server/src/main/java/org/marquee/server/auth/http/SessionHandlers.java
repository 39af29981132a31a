package org.marquee.server.auth.http;

import io.javalin.http.Context;
import org.marquee.model.CreateSessionRequest;
import org.marquee.server.auth.SessionService;
import org.marquee.server.web.Requests;

/** Staff sign-in and sign-out on a counter terminal. */
public final class SessionHandlers {

    private final SessionService sessions;

    public SessionHandlers(SessionService sessions) {
        this.sessions = sessions;
    }

    /** {@code POST /sessions} with a counter terminal's token: 201 with the session token to send from now on. */
    public void create(Context ctx) {
        CreateSessionRequest request = Requests.body(ctx, CreateSessionRequest.class);
        ctx.status(201).json(sessions.signIn(Requests.principal(ctx), request.username(), request.pin()));
    }

    /** {@code DELETE /sessions/current}: 204, the caller's session token no longer works. */
    public void end(Context ctx) {
        sessions.end(Requests.principal(ctx), Requests.bearerToken(ctx));
        ctx.status(204);
    }
}
