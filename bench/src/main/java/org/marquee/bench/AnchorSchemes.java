package org.marquee.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How the systems people would pick instead of Marquee take seats, rebuilt in their own tables (schema
 * {@code anchors}) of the same PostgreSQL, so that they run with the same clients, seat choices and pool as Marquee's
 * claim statement. Each follows the same rule as Marquee: a terminal has one cart, and taking new seats gives back its
 * previous ones in the same transaction; a cart lives 8 minutes.
 *
 * <ul>
 *   <li><b>pretix</b> ({@code pretix/base/services/cart.py}): a transaction-level advisory lock per seat, taken in
 *       sorted order under {@code lock_timeout} 3 s, then a check that no live cart position or order position holds
 *       the seat, then the cart positions are inserted.
 *   <li><b>alf.io</b> ({@code TicketReservationManager}): one row per (showtime, seat) created in advance, locked
 *       with {@code SELECT … FOR UPDATE} in sorted order, checked, and updated to PENDING.
 *   <li><b>naive</b>: check, then insert, under {@code SERIALIZABLE}, again from the start on a serialization
 *       failure (40001), at most 10 times.
 * </ul>
 */
final class AnchorSchemes {

    static final int NAIVE_ATTEMPTS = 10;

    private AnchorSchemes() {}

    /** The anchors' tables, empty, with one alf.io row per seat of {@code seats}. */
    static void prepare(HikariDataSource db, List<String> seats) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create schema if not exists anchors");
            s.execute("drop table if exists anchors.cart_positions, anchors.order_positions, anchors.tickets,"
                    + " anchors.naive_holds");
            s.execute("create table anchors.cart_positions (id bigserial primary key, terminal int not null,"
                    + " seat text not null, expires timestamptz not null)");
            s.execute("create index on anchors.cart_positions (seat)");
            s.execute("create index on anchors.cart_positions (terminal)");
            s.execute("create table anchors.order_positions (id bigserial primary key, seat text not null)");
            s.execute("create index on anchors.order_positions (seat)");
            s.execute("create table anchors.tickets (seat text primary key, status text not null,"
                    + " terminal int, expires timestamptz)");
            s.execute("create table anchors.naive_holds (terminal int not null, seat text not null,"
                    + " expires timestamptz not null)");
            s.execute("create index on anchors.naive_holds (seat)");
            try (PreparedStatement insert =
                    c.prepareStatement("insert into anchors.tickets (seat, status) values (?, 'FREE')")) {
                for (String seat : seats) {
                    insert.setString(1, seat);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** pretix: advisory locks per seat (sorted), check live cart and order positions, insert. */
    static Phase.Outcome pretix(HikariDataSource db, int terminal, List<String> seats) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("set local lock_timeout = '3s'");
                }
                try (PreparedStatement lock =
                        c.prepareStatement("select pg_advisory_xact_lock(hashtextextended('seat:' || ?, 0))")) {
                    for (String seat : new TreeSet<>(seats)) {
                        lock.setString(1, seat);
                        lock.executeQuery().close();
                    }
                }
                try (PreparedStatement taken = c.prepareStatement("select"
                        + " (select count(*) from anchors.cart_positions where seat = any(?) and expires > now()"
                        + "   and terminal <> ?)"
                        + " + (select count(*) from anchors.order_positions where seat = any(?))")) {
                    taken.setArray(1, c.createArrayOf("text", seats.toArray()));
                    taken.setInt(2, terminal);
                    taken.setArray(3, c.createArrayOf("text", seats.toArray()));
                    try (ResultSet rs = taken.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            c.rollback();
                            return Phase.Outcome.REFUSED;
                        }
                    }
                }
                try (PreparedStatement clear =
                        c.prepareStatement("delete from anchors.cart_positions where terminal = ?")) {
                    clear.setInt(1, terminal);
                    clear.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("insert into anchors.cart_positions"
                        + " (terminal, seat, expires) select ?, s, now() + interval '8 minutes' from unnest(?) s")) {
                    insert.setInt(1, terminal);
                    insert.setArray(2, c.createArrayOf("text", seats.toArray()));
                    insert.executeUpdate();
                }
                c.commit();
                return Phase.Outcome.GRANTED;
            } catch (SQLException e) {
                c.rollback();
                if ("55P03".equals(e.getSQLState())) {
                    return Phase.Outcome.BUSY;
                }
                throw e;
            }
        }
    }

    /** alf.io: lock the terminal's previous seats and the wanted ones (sorted) FOR UPDATE, check, update. */
    static Phase.Outcome alfio(HikariDataSource db, int terminal, List<String> seats) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> locked = new ArrayList<>();
                boolean free = true;
                try (PreparedStatement lock = c.prepareStatement("select seat, status, terminal,"
                        + " expires > now() as live from anchors.tickets where seat = any(?) or terminal = ?"
                        + " order by seat for update")) {
                    lock.setArray(1, c.createArrayOf("text", seats.toArray()));
                    lock.setInt(2, terminal);
                    try (ResultSet rs = lock.executeQuery()) {
                        while (rs.next()) {
                            locked.add(rs.getString(1));
                            boolean wanted = seats.contains(rs.getString(1));
                            boolean mine = rs.getInt(3) == terminal;
                            boolean taken = "PENDING".equals(rs.getString(2)) && rs.getBoolean(4) && !mine;
                            if (wanted && taken) {
                                free = false;
                            }
                        }
                    }
                }
                if (!free) {
                    c.rollback();
                    return Phase.Outcome.REFUSED;
                }
                try (PreparedStatement release = c.prepareStatement("update anchors.tickets set status = 'FREE',"
                        + " terminal = null, expires = null where terminal = ? and not (seat = any(?))")) {
                    release.setInt(1, terminal);
                    release.setArray(2, c.createArrayOf("text", seats.toArray()));
                    release.executeUpdate();
                }
                try (PreparedStatement take = c.prepareStatement("update anchors.tickets set status = 'PENDING',"
                        + " terminal = ?, expires = now() + interval '8 minutes' where seat = any(?)")) {
                    take.setInt(1, terminal);
                    take.setArray(2, c.createArrayOf("text", seats.toArray()));
                    take.executeUpdate();
                }
                c.commit();
                return Phase.Outcome.GRANTED;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Naive: check then insert under SERIALIZABLE, from the start again on 40001. */
    static Phase.Outcome naive(HikariDataSource db, int terminal, List<String> seats) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            try {
                for (int attempt = 1; ; attempt++) {
                    try {
                        return naiveOnce(c, terminal, seats);
                    } catch (SQLException e) {
                        c.rollback();
                        if (!"40001".equals(e.getSQLState()) && !"40P01".equals(e.getSQLState())) {
                            throw e;
                        }
                        if (attempt == NAIVE_ATTEMPTS) {
                            return Phase.Outcome.BUSY;
                        }
                    }
                }
            } finally {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    private static Phase.Outcome naiveOnce(Connection c, int terminal, List<String> seats) throws SQLException {
        try (PreparedStatement taken = c.prepareStatement("select count(*) from anchors.naive_holds"
                + " where seat = any(?) and expires > now() and terminal <> ?")) {
            taken.setArray(1, c.createArrayOf("text", seats.toArray()));
            taken.setInt(2, terminal);
            try (ResultSet rs = taken.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    c.rollback();
                    return Phase.Outcome.REFUSED;
                }
            }
        }
        try (PreparedStatement clear = c.prepareStatement("delete from anchors.naive_holds where terminal = ?")) {
            clear.setInt(1, terminal);
            clear.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("insert into anchors.naive_holds (terminal, seat, expires)"
                + " select ?, s, now() + interval '8 minutes' from unnest(?) s")) {
            insert.setInt(1, terminal);
            insert.setArray(2, c.createArrayOf("text", seats.toArray()));
            insert.executeUpdate();
        }
        c.commit();
        return Phase.Outcome.GRANTED;
    }

    /** Invariant 1 in each scheme's tables: the number of seats held live by two carts (0 when it held). */
    static long doubleHeld(HikariDataSource db, String scheme) throws SQLException {
        String sql = switch (scheme) {
            case "pretix" ->
                "select count(*) from (select seat from anchors.cart_positions where expires > now()"
                        + " group by seat having count(distinct terminal) > 1) x";
            case "naive" ->
                "select count(*) from (select seat from anchors.naive_holds where expires > now()"
                        + " group by seat having count(distinct terminal) > 1) x";
            // one row per seat: a double hold would need two rows, so look for a broken row instead
            case "alfio" -> "select count(*) from anchors.tickets where (status = 'PENDING') <> (terminal is not null)";
            default -> throw new IllegalArgumentException(scheme);
        };
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
