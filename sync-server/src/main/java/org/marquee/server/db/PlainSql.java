package org.marquee.server.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * A statement with named parameters ({@code :name}) run through JDBC itself on a Jdbi handle's connection, for the
 * statements of the hot path: Jdbi's set-up of each statement (arguments found by type, mappers, a copy of its
 * configuration) was a quarter of the server's CPU per hold decision (docs/BENCHMARKS.md, issue 17 fifth session;
 * decision 0032). The transaction, retries and error answers are the handle's and {@link Transactions}' as before. The
 * named form is parsed once, where the constant is declared; the driver prepares the statement on the server once per
 * connection and keeps it.
 */
public final class PlainSql {

    /** {@code :name}, not {@code ::type} and not inside a word. Statements given here have no colons in literals. */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z][A-Za-z0-9]*)");

    private final String jdbc;
    private final Map<String, int[]> positions;
    private final int parameters;

    private PlainSql(String jdbc, Map<String, int[]> positions, int parameters) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.parameters = parameters;
    }

    public static PlainSql of(String named) {
        Map<String, List<Integer>> found = new HashMap<>();
        StringBuilder jdbc = new StringBuilder();
        Matcher m = PARAMETER.matcher(named);
        int position = 0;
        while (m.find()) {
            found.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(++position);
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        Map<String, int[]> positions = new HashMap<>();
        found.forEach((name, at) ->
                positions.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
        return new PlainSql(jdbc.toString(), Map.copyOf(positions), position);
    }

    /** The statement as JDBC sees it, with {@code ?} for each parameter. */
    public String jdbc() {
        return jdbc;
    }

    /** Prepares the statement on the handle's connection, inside whatever transaction the handle is in. */
    public Bound on(Handle handle) {
        try {
            return new Bound(handle.getConnection().prepareStatement(jdbc));
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }

    /** Reads what a query answered, row by row as the caller wants. */
    @FunctionalInterface
    public interface Rows<R> {
        R read(ResultSet rs) throws SQLException;
    }

    /** A prepared statement being bound; {@link #query} and {@link #update} run it once and close it. */
    public final class Bound {
        private final PreparedStatement statement;
        private final boolean[] bound = new boolean[parameters];

        private Bound(PreparedStatement statement) {
            this.statement = statement;
        }

        /**
         * Sets every occurrence of {@code :name}: an {@link Instant} as a {@code timestamptz}, arrays of strings and
         * booleans as PostgreSQL arrays, {@code null} as an untyped null (the statement casts it).
         */
        public Bound bind(String name, Object value) {
            int[] at = positions.get(name);
            if (at == null) {
                throw new IllegalArgumentException("no parameter :" + name + " in " + jdbc);
            }
            try {
                for (int i : at) {
                    if (value == null) {
                        statement.setNull(i, Types.OTHER);
                    } else if (value instanceof Instant instant) {
                        statement.setObject(i, instant.atOffset(ZoneOffset.UTC));
                    } else {
                        statement.setObject(i, value);
                    }
                    bound[i - 1] = true;
                }
            } catch (SQLException e) {
                close();
                throw new Failed(e);
            }
            return this;
        }

        public <R> R query(Rows<R> rows) {
            try (statement) {
                checkAllBound();
                try (ResultSet rs = statement.executeQuery()) {
                    return rows.read(rs);
                }
            } catch (SQLException e) {
                throw new Failed(e);
            }
        }

        /**
         * Runs a text of several statements separated by semicolons: the driver sends them in one round trip and
         * PostgreSQL runs them one after the other, each with its own snapshot as if sent apart. {@code each} reads
         * the rows of each statement in turn (an update with {@code returning} has rows too).
         */
        public void queries(Rows<?>... each) {
            try (statement) {
                checkAllBound();
                statement.execute();
                for (int i = 0; i < each.length; i++) {
                    if (i > 0 && !statement.getMoreResults()) {
                        throw new IllegalStateException("statement " + (i + 1) + " of " + jdbc + " gave no rows");
                    }
                    try (ResultSet rs = statement.getResultSet()) {
                        each[i].read(rs);
                    }
                }
            } catch (SQLException e) {
                throw new Failed(e);
            }
        }

        public int update() {
            try (statement) {
                checkAllBound();
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new Failed(e);
            }
        }

        private void checkAllBound() {
            for (int i = 0; i < bound.length; i++) {
                if (!bound[i]) {
                    throw new IllegalStateException("parameter " + (i + 1) + " of " + jdbc + " is not bound");
                }
            }
        }

        private void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                // the statement failed already: that failure is the one to tell
            }
        }
    }

    /**
     * A statement that failed, with the driver's {@link SQLException} as its cause: retries, unique-key checks and the
     * error answers look for that cause, as they do behind Jdbi's own exceptions.
     */
    public static final class Failed extends RuntimeException {
        Failed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
