package org.marquee.server.people.http;

import io.javalin.http.Context;
import org.marquee.model.StaffRequest;
import org.marquee.server.people.StaffAdmin;
import org.marquee.server.web.Json;
import org.marquee.server.web.Requests;

/** {@code /admin/staff}: list, create, change (DESIGN §7.2). */
public final class StaffAdminHandlers {

    private final StaffAdmin staff;

    public StaffAdminHandlers(StaffAdmin staff) {
        this.staff = staff;
    }

    public void list(Context ctx) {
        ctx.json(staff.list());
    }

    public void create(Context ctx) {
        ctx.status(201)
                .json(staff.create(Requests.principal(ctx), Json.readValues(ctx.bodyAsBytes(), StaffRequest.class)));
    }

    public void update(Context ctx) {
        long id = Requests.longPath(ctx, "id", "staff member");
        ctx.json(staff.update(Requests.principal(ctx), id, Json.readValues(ctx.bodyAsBytes(), StaffRequest.class)));
    }
}
