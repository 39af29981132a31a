package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.server.testing.TestPostgres;

/** A unit of work is one transaction for everything inside it; nested transactions are its savepoints. */
class UnitOfWorkTest {

    private static Jdbi jdbi;
    private static UnitOfWork unit;

    @BeforeAll
    static void database() {
        jdbi = Jdbi.create(TestPostgres.newDatabase("unit_of_work"), "postgres", "postgres");
        jdbi.useHandle(h -> h.execute("create table t (v int primary key)"));
        unit = new UnitOfWork(jdbi);
    }

    private static int count(int v) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from t where v = :v")
                .bind("v", v)
                .mapTo(Integer.class)
                .one());
    }

    @Test
    void storesCalledInsideJoinOneTransactionThatRollsBackAsAWhole() {
        assertThatThrownBy(() -> unit.run(() -> {
                    Transactions.retrying(jdbi, h -> h.execute("insert into t values (1)"));
                    jdbi.useHandle(h -> h.execute("insert into t values (2)"));
                    throw new IllegalStateException("the request failed");
                }))
                .hasMessage("the request failed");
        assertThat(count(1) + count(2)).isZero();
    }

    @Test
    void aNestedTransactionThatThrowsIsUndoneAloneAndTheUnitGoesOn() {
        unit.run(() -> {
            Transactions.retrying(jdbi, h -> h.execute("insert into t values (10)"));
            try {
                Transactions.retrying(jdbi, h -> {
                    h.execute("insert into t values (11)");
                    return h.execute("insert into t values (10)"); // duplicate key: aborts, undone to the savepoint
                });
            } catch (RuntimeException expected) {
                // a store that answers a lost race catches its own failure and goes on
            }
            return jdbi.withHandle(h -> h.execute("insert into t values (12)"));
        });
        assertThat(List.of(count(10), count(11), count(12))).containsExactly(1, 0, 1);
    }

    @Test
    void afterCommitActionsRunOnlyOnceCommittedAndSeeTheCommittedRows() {
        List<Integer> seen = new ArrayList<>();
        unit.run(() -> {
            jdbi.useHandle(h -> h.execute("insert into t values (20)"));
            UnitOfWork.afterCommit(() -> seen.add(count(20)));
            assertThat(seen).isEmpty();
            return null;
        });
        assertThat(seen).containsExactly(1);

        List<Integer> never = new ArrayList<>();
        assertThatThrownBy(() -> unit.run(() -> {
            UnitOfWork.afterCommit(() -> never.add(1));
            throw new IllegalStateException("rolled back");
        }));
        assertThat(never).isEmpty();
    }
}
