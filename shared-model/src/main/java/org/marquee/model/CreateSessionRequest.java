package org.marquee.model;

/** Body of {@code POST /sessions}: a staff member signing in on a counter terminal. */
public record CreateSessionRequest(String username, String pin) {
    @Override
    public String toString() {
        return "CreateSessionRequest[username=" + username + ", pin=****]";
    }
}
