package org.marquee.server.db;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Transactions#reading} for code above persistence that reads through SqlObject DAOs: the read runs on one
 * handle (the DAOs join it) and once more on a fresh connection when its pooled one turned out broken at once.
 */
public final class Reads {

    private final Jdbi jdbi;

    public Reads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T run(Supplier<T> read) {
        return Transactions.reading(jdbi, handle -> read.get());
    }
}
