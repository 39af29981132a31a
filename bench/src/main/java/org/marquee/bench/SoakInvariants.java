package org.marquee.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end-of-run invariant check of a soak run, through JDBC: no seat sold twice, paid orders and sold seats agree,
 * no payment left half done; then the orders and payments in the database by status.
 */
final class SoakInvariants {

    private SoakInvariants() {}

    /** Prints each invariant and the database's orders and payments; returns the number of violated invariants. */
    static int check(Target target) throws SQLException {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("seat sold twice (two PAID orders with one showtime seat)", """
                select count(*) from (
                  select o.showtime_id, t.seat_id from order_tickets t join orders o on o.id = t.order_id
                   where o.status = 'PAID' group by 1, 2 having count(*) > 1) x""");
        checks.put("PAID order's seat not SOLD to that order's hold", """
                select count(*) from order_tickets t join orders o on o.id = t.order_id
                  left join seat_claims c on c.showtime_id = o.showtime_id and c.seat_id = t.seat_id
                 where o.status = 'PAID' and (c.state is distinct from 'SOLD' or c.hold_id is distinct from o.hold_id)""");
        checks.put("SOLD seat without a PAID order", """
                select count(*) from seat_claims c
                 where c.state = 'SOLD' and not exists (
                   select 1 from orders o join order_tickets t on t.order_id = o.id
                    where o.hold_id = c.hold_id and t.seat_id = c.seat_id and o.status = 'PAID')""");
        checks.put("payment APPROVED without its order PAID", """
                select count(*) from payments p join orders o on o.id = p.order_id
                 where p.status = 'APPROVED' and o.status <> 'PAID'""");
        checks.put("payment STARTED older than a minute", """
                select count(*) from payments where status = 'STARTED' and created_at < now() - interval '1 minute'""");
        checks.put("payment REFUND_DUE older than a minute", """
                select count(*) from payments
                 where status = 'REFUND_DUE' and created_at < now() - interval '1 minute'""");
        int violated = 0;
        System.out.println("INVARIANTS (through JDBC, at the end):");
        try (Connection db = DriverManager.getConnection(target.jdbc, target.dbUser, target.dbPassword);
                Statement st = db.createStatement()) {
            for (var check : checks.entrySet()) {
                try (ResultSet rs = st.executeQuery(check.getValue())) {
                    rs.next();
                    long n = rs.getLong(1);
                    violated += n > 0 ? 1 : 0;
                    System.out.printf("  %-60s %d %s%n", check.getKey(), n, n == 0 ? "ok" : "VIOLATED");
                }
            }
            try (ResultSet rs = st.executeQuery("select status, count(*) from orders group by 1 order by 1")) {
                StringBuilder text = new StringBuilder();
                while (rs.next()) {
                    text.append(rs.getString(1))
                            .append('=')
                            .append(rs.getLong(2))
                            .append(' ');
                }
                System.out.println(
                        "  orders in the database: " + text.toString().trim());
            }
            try (ResultSet rs =
                    st.executeQuery("select method || ' ' || status, count(*) from payments group by 1 order by 1")) {
                StringBuilder text = new StringBuilder();
                while (rs.next()) {
                    text.append(rs.getString(1))
                            .append('=')
                            .append(rs.getLong(2))
                            .append(", ");
                }
                System.out.println("  payments in the database: " + text);
            }
        }
        System.out.println("invariants " + (violated == 0 ? "held" : "VIOLATED (" + violated + ")"));
        return violated;
    }
}
