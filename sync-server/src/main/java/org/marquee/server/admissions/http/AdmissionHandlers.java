package org.marquee.server.admissions.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import org.marquee.model.AdmissionBatch;
import org.marquee.model.AdmissionResults;
import org.marquee.model.AdmissionScan;
import org.marquee.server.admissions.AdmissionService;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.web.Json;
import org.marquee.server.web.Requests;

/** {@code POST /admissions} (one scan, or {@code {scans:[…]}}) and {@code GET /admissions/revoked?since=}. */
public final class AdmissionHandlers {

    private final AdmissionService admissions;

    public AdmissionHandlers(AdmissionService admissions) {
        this.admissions = admissions;
    }

    public void admit(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        JsonNode tree = Json.read(body, JsonNode.class);
        if (!tree.isObject()) {
            throw MarqueeException.malformed("The body is one scan, or {\"scans\": [...]}.");
        }
        List<AdmissionScan> scans = tree.has("scans")
                ? scansOf(Json.read(body, AdmissionBatch.class))
                : List.of(Json.read(body, AdmissionScan.class));
        ctx.json(new AdmissionResults(admissions.admit(Requests.principal(ctx), scans)));
    }

    public void revoked(Context ctx) {
        String since = ctx.queryParam("since");
        long cursor;
        try {
            cursor = since == null || since.isBlank() ? 0 : Long.parseLong(since.strip());
        } catch (NumberFormatException e) {
            throw MarqueeException.malformed("'since' must be 0 or the cursor of an earlier answer.");
        }
        if (cursor < 0) {
            throw MarqueeException.malformed("'since' must be 0 or the cursor of an earlier answer.");
        }
        ctx.json(admissions.revokedSince(cursor));
    }

    private static List<AdmissionScan> scansOf(AdmissionBatch batch) {
        if (batch.scans() == null) {
            throw MarqueeException.invalid("'scans' is a list of scans.");
        }
        return batch.scans();
    }
}
