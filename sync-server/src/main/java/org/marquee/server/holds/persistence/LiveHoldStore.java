package org.marquee.server.holds.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.LiveHold;
import org.marquee.server.holds.ManagerReleases;

/** Live holds with their terminal and showtime, for managers; and the mark of a manager's release. */
public final class LiveHoldStore implements ManagerReleases.Store {

    private static final String LIVE = """
            select h.id, h.terminal_id, t.name as terminal_name, h.showtime_id, m.title, s.starts_at, h.seat_ids,
                   h.created_at, h.expires_at
              from holds h
              join terminals t on t.id = h.terminal_id
              join showtimes s on s.id = h.showtime_id
              join movies m on m.id = s.movie_id
              join auditoriums a on a.id = s.auditorium_id
             where h.status = 'ACTIVE' and h.expires_at > now()
            """;

    private final Jdbi jdbi;

    public LiveHoldStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<LiveHold> live(Long theaterId) {
        return jdbi.withHandle(
                handle -> handle.createQuery(LIVE + " and (cast(:theater as bigint) is null or a.theater_id = :theater)"
                                + " order by h.expires_at, h.id")
                        .bind("theater", theaterId)
                        .map((rs, ctx) -> hold(rs))
                        .list());
    }

    @Override
    public Optional<LiveHold> find(UUID holdId) {
        return jdbi.withHandle(handle -> handle.createQuery(LIVE + " and h.id = :id")
                .bind("id", holdId)
                .map((rs, ctx) -> hold(rs))
                .findOne());
    }

    @Override
    public boolean exists(UUID holdId) {
        return jdbi.withHandle(handle -> handle.createQuery("select exists (select 1 from holds where id = :id)")
                .bind("id", holdId)
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public boolean markReleasedByManager(UUID holdId, String reason) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                update holds set released_by = 'MANAGER', release_reason = :reason
                                 where id = :id and status = 'RELEASED'""")
                        .bind("id", holdId)
                        .bind("reason", reason)
                        .execute())
                == 1;
    }

    @Override
    public Optional<String> releasedBy(UUID holdId) {
        return jdbi.withHandle(handle -> handle.createQuery("select released_by from holds where id = :id")
                .bind("id", holdId)
                .mapTo(String.class)
                .findFirst()
                .filter(java.util.Objects::nonNull));
    }

    private static LiveHold hold(ResultSet rs) throws SQLException {
        return new LiveHold(
                rs.getObject("id", UUID.class),
                new LiveHold.TerminalRef(rs.getLong("terminal_id"), rs.getString("terminal_name")),
                rs.getLong("showtime_id"),
                rs.getString("title"),
                rs.getTimestamp("starts_at").toInstant(),
                List.of((String[]) rs.getArray("seat_ids").getArray()),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
