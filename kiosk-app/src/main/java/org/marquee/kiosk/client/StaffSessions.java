package org.marquee.kiosk.client;

import org.marquee.model.SessionView;

/**
 * A staff member's session on a counter terminal's connection: signing in (with the terminal's own token) switches the
 * connection to the session's token, ending it switches back. Blocking: call off the FX thread.
 */
public interface StaffSessions {

    /**
     * Signs {@code username} in with the terminal's token ({@code POST /sessions}); from then on the connection acts
     * as that person. A wrong PIN or a locked account is an {@link ApiProblem} and leaves the terminal's token in use.
     */
    SessionView startSession(String username, String pin);

    /** Ends the session on the server ({@code DELETE /sessions/current}) and acts as the terminal again, either way. */
    void endSession();

    /** Acts as the terminal again without telling the server (the session already ended there). */
    void actAsTerminal();
}
