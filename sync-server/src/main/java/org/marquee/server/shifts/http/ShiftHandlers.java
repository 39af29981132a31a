package org.marquee.server.shifts.http;

import io.javalin.http.Context;
import org.marquee.model.CloseShiftRequest;
import org.marquee.model.ErrorCode;
import org.marquee.model.OpenShiftRequest;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.shifts.CashDrawer;
import org.marquee.server.web.Requests;

/** {@code POST /shifts}, {@code GET /shifts/current}, {@code POST /shifts/current/close}. */
public final class ShiftHandlers {

    /** No drawer holds ten million in cash: a larger amount is a typing slip. */
    static final long MAX_CASH_MINOR = 1_000_000_000L;

    private final CashDrawer drawer;

    public ShiftHandlers(CashDrawer drawer) {
        this.drawer = drawer;
    }

    public void open(Context ctx) {
        Principal staff = Requests.principal(ctx);
        long floatMinor = amount(Requests.body(ctx, OpenShiftRequest.class).floatMinor(), "floatMinor");
        var shift = drawer.open(staff.staffId(), staff.terminalId(), floatMinor)
                .orElseThrow(() -> new MarqueeException(
                        ErrorCode.CONFLICT,
                        "You already have a shift open on this terminal; close it before opening another."));
        ctx.status(201).json(shift);
    }

    public void current(Context ctx) {
        Principal staff = Requests.principal(ctx);
        ctx.json(drawer.current(staff.staffId(), staff.terminalId()).orElseThrow(ShiftHandlers::noShift));
    }

    public void close(Context ctx) {
        Principal staff = Requests.principal(ctx);
        long counted = amount(Requests.body(ctx, CloseShiftRequest.class).countedCashMinor(), "countedCashMinor");
        ctx.json(drawer.close(staff.staffId(), staff.terminalId(), counted).orElseThrow(ShiftHandlers::noShift));
    }

    private static long amount(Long value, String field) {
        if (value == null) {
            throw MarqueeException.invalid("'" + field + "' is needed: the cash in the drawer, in cents.");
        }
        if (value < 0 || value > MAX_CASH_MINOR) {
            throw MarqueeException.invalid("'" + field + "' must be from 0 to " + MAX_CASH_MINOR + " cents.");
        }
        return value;
    }

    private static MarqueeException noShift() {
        return MarqueeException.notFound("No shift is open for you on this terminal; open one with your float.");
    }
}
