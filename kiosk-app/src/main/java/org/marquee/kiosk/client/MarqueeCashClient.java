package org.marquee.kiosk.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.marquee.model.CashShift;
import org.marquee.model.CloseShiftRequest;
import org.marquee.model.FailedRefund;
import org.marquee.model.OpenShiftRequest;
import org.marquee.model.PaymentView;

/**
 * Cash over a {@link MarqueeClient}'s connection, token and retries: the clerk's shift (DESIGN §7.3), the day's cash
 * report (§7.4) and the failed refunds a manager settles in cash (§7.3). Kept apart from {@code MarqueeClient} and
 * {@code MarqueeAdminClient}, which are near their size limit; every change carries its own Idempotency-Key there.
 */
public final class MarqueeCashClient implements CashShifts, CashReport, FailedRefunds {

    private final MarqueeClient http;

    public MarqueeCashClient(MarqueeClient http) {
        this.http = http;
    }

    @Override
    public CashShift openShift(long floatMinor) {
        return http.post("shifts", new OpenShiftRequest(floatMinor), CashShift.class);
    }

    @Override
    public Optional<CashShift> currentShift() {
        try {
            return Optional.of(http.get("shifts/current", CashShift.class));
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty(); // no shift open: a state, not a failure
            }
            throw problem;
        }
    }

    @Override
    public CashShift closeShift(long countedCashMinor) {
        return http.post("shifts/current/close", new CloseShiftRequest(countedCashMinor), CashShift.class);
    }

    @Override
    public List<CashShift> cashShifts(long theaterId, LocalDate date) {
        HttpUrl url = http.url("admin/reports/cash")
                .newBuilder()
                .addQueryParameter("theaterId", Long.toString(theaterId))
                .addQueryParameter("date", date.toString())
                .build();
        return http.send(new Request.Builder().url(url).get(), new TypeReference<List<CashShift>>() {}, null);
    }

    @Override
    public List<FailedRefund> failedRefunds(Long theaterId) {
        HttpUrl.Builder url = http.url("admin/refunds/failed").newBuilder();
        if (theaterId != null) {
            url.addQueryParameter("theaterId", theaterId.toString());
        }
        return http.send(
                new Request.Builder().url(url.build()).get(), new TypeReference<List<FailedRefund>>() {}, null);
    }

    @Override
    public PaymentView paidInCash(UUID paymentId) {
        return http.post("admin/refunds/" + paymentId + "/paid-in-cash", null, PaymentView.class);
    }
}
