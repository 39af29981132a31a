package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.server.testing.TestPostgres;

/** Named parameters turned into JDBC's positional ones, once per statement, run on a Jdbi handle's connection. */
class PlainSqlTest {

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        jdbi = Jdbi.create(TestPostgres.newDatabase("plain_sql"), "postgres", "postgres");
        jdbi.useHandle(h -> h.execute("create table seats (id text primary key, held_at timestamptz)"));
    }

    @Test
    void bindsArraysInstantsAndNullsAndReadsTheRows() {
        PlainSql insert =
                PlainSql.of("insert into seats select s, cast(:at as timestamptz) from unnest(cast(:ids as text[])) s"
                        + " on conflict do nothing");
        Instant at = Instant.parse("2026-12-01T10:00:00.123456Z");
        Integer inserted = jdbi.inTransaction(h -> insert.on(h)
                .bind("ids", new String[] {"A1", "A2"})
                .bind("at", at)
                .update());
        assertThat(inserted).isEqualTo(2);
        List<String> found = jdbi.withHandle(h -> PlainSql.of(
                        "select array_agg(id order by id) from seats where held_at = :at or cast(:none as text) is not null")
                .on(h)
                .bind("at", at)
                .bind("none", null)
                .query(rs -> {
                    rs.next();
                    return Arrays.asList((String[]) rs.getArray(1).getArray());
                }));
        assertThat(found).containsExactly("A1", "A2");
    }

    @Test
    void severalStatementsTravelTogetherAndEachSeesWhatTheOneBeforeItDid() {
        PlainSql both = PlainSql.of(
                "insert into seats values (:id, now()) returning id;" + " select count(*) from seats where id = :id");
        // more runs than the driver's threshold for preparing a statement on the server (5)
        for (int i = 1; i <= 8; i++) {
            String id = "M" + i;
            List<Object> read = new java.util.ArrayList<>();
            jdbi.useTransaction(h -> both.on(h)
                    .bind("id", id)
                    .queries(
                            rs -> {
                                rs.next();
                                return read.add(rs.getString(1));
                            },
                            rs -> {
                                rs.next();
                                return read.add(rs.getLong(1));
                            }));
            assertThat(read).containsExactly(id, 1L);
        }
        assertThatThrownBy(
                        () -> jdbi.useHandle(h -> PlainSql.of("select 1").on(h).queries(rs -> null, rs -> null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("statement 2 of select 1 gave no rows");
    }

    @Test
    void aFailedStatementRollsBackItsTransactionAndKeepsTheDriversState() {
        PlainSql insert = PlainSql.of("insert into seats values (:id, null)");
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
                    insert.on(h).bind("id", "B1").update();
                    insert.on(h).bind("id", "B1").update();
                }))
                .isInstanceOf(PlainSql.Failed.class)
                .satisfies(e -> assertThat(Transactions.sqlState(e)).isEqualTo("23505"));
        Integer left = jdbi.withHandle(h -> h.createQuery("select count(*) from seats where id = 'B1'")
                .mapTo(Integer.class)
                .one());
        assertThat(left).isZero();
    }

    @Test
    void aMissingOrUnknownParameterIsAProgrammingErrorNamedAsSuch() {
        PlainSql select = PlainSql.of("select :a, :b");
        assertThatThrownBy(() -> jdbi.useHandle(h -> select.on(h).bind("a", 1).query(rs -> null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parameter 2");
        assertThatThrownBy(() -> jdbi.useHandle(h -> select.on(h).bind("c", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":c");
    }

    @Test
    void eachOccurrenceOfANameBecomesAPosition() {
        PlainSql sql = PlainSql.of(
                "select :s, cardinality(cast(:seats as text[])) from t where a = :s and b = any(cast(:seats as text[]))");
        assertThat(sql.jdbc())
                .isEqualTo(
                        "select ?, cardinality(cast(? as text[])) from t where a = ? and b = any(cast(? as text[]))");
    }

    @Test
    void castsWithDoubleColonsAndWordsWithColonsAreLeftAlone() {
        PlainSql sql = PlainSql.of("select x::text, 'a' || y from t where z = :zone and w = :w1");
        assertThat(sql.jdbc()).isEqualTo("select x::text, 'a' || y from t where z = ? and w = ?");
    }

    @Test
    void aStatementWithoutParametersIsUnchanged() {
        assertThat(PlainSql.of("select now()").jdbc()).isEqualTo("select now()");
    }
}
