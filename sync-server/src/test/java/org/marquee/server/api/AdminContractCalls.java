package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.marquee.server.testing.ApiClient;

/** The admin catalog and schedule (DESIGN §7.1) as a manager uses them, every answer checked against the document. */
final class AdminContractCalls {

    private AdminContractCalls() {}

    static void run(ContractValidator contract, ApiClient manager) {
        long theater = contract.call(manager, "POST", "/admin/theaters", """
                        {"name":"Contract","address":"Calle 1","lat":40.4,"lon":-3.7,"timeZone":"Europe/Madrid"}""")
                .json()
                .path("id")
                .asLong();
        assertThat(contract.call(manager, "PUT", "/admin/theaters/" + theater, """
                        {"name":"Contract","address":"Calle 2","lat":40.4,"lon":-3.7,"timeZone":"Europe/Madrid",
                         "cleaningMinutes":10,"singleSeatRule":"OFF","accessibleReleaseMinutes":15}""")
                        .status())
                .isEqualTo(200);
        assertThat(contract.call(manager, "GET", "/admin/theaters", null).status())
                .isEqualTo(200);
        long auditorium = contract.call(manager, "POST", "/admin/auditoriums", """
                        {"theaterId":%d,"name":"Uno","layout":["A:SS.SS","B:PPWC"]}""".formatted(theater))
                .json()
                .path("id")
                .asLong();
        assertThat(contract.call(manager, "PUT", "/admin/auditoriums/" + auditorium, """
                        {"name":"Uno","layout":["A:SS.SS","B:PPWCS"]}""")
                        .status())
                .isEqualTo(200);
        assertThat(contract.call(manager, "POST", "/admin/auditoriums", """
                        {"theaterId":%d,"name":"Mal","layout":["A:SS","A:SS"]}""".formatted(theater))
                        .errorCode())
                .isEqualTo("INVALID_LAYOUT");
        assertThat(contract.call(manager, "GET", "/admin/auditoriums?theaterId=" + theater, null)
                        .status())
                .isEqualTo(200);
        long movie = contract.call(manager, "POST", "/admin/movies", """
                        {"title":"Contract","runtimeMinutes":100,"rating":"PG","genres":["Drama"],"synopsis":"s"}""")
                .json()
                .path("id")
                .asLong();
        assertThat(contract.call(manager, "PUT", "/admin/movies/" + movie, """
                        {"title":"Contract","runtimeMinutes":101,"rating":"PG"}""").status())
                .isEqualTo(200);
        assertThat(contract.call(manager, "GET", "/admin/movies", null).status())
                .isEqualTo(200);
        long plan = contract.call(manager, "POST", "/admin/price-plans", """
                        {"name":"Contract","currency":"EUR","ticketPrices":{"ADULT":900,"CHILD":600},
                         "seatSurcharges":{"PREMIUM":200}}""")
                .json()
                .path("id")
                .asLong();
        assertThat(contract.call(manager, "PUT", "/admin/price-plans/" + plan, """
                        {"name":"Contract","currency":"EUR","ticketPrices":{"ADULT":950}}""")
                        .status())
                .isEqualTo(200);
        assertThat(contract.call(manager, "GET", "/admin/price-plans", null).status())
                .isEqualTo(200);
        java.time.Instant start = java.time.Instant.now()
                .plus(java.time.Duration.ofDays(40))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        long showtime = contract.call(
                        manager, "POST", "/admin/showtimes", """
                        {"movieId":%d,"auditoriumId":%d,"startsAt":"%s","format":"2D","pricePlanId":%d}""".formatted(movie, auditorium, start, plan))
                .json()
                .path("id")
                .asLong();
        assertThat(contract.call(manager, "POST", "/admin/showtimes", """
                        {"movieId":%d,"auditoriumId":%d,"startsAt":"%s","format":"2D"}""".formatted(
                                        movie, auditorium, start.plusSeconds(600)))
                        .errorCode())
                .isEqualTo("SCHEDULE_CLASH");
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(50);
        assertThat(contract.call(manager, "POST", "/admin/showtimes/series", """
                        {"movieId":%d,"auditoriumId":%d,"format":"2D","fromDate":"%s","toDate":"%s",
                         "daysOfWeek":["MON","SAT"],"times":["17:00","20:00"]}""".formatted(
                                        movie, auditorium, day, day.plusDays(7)))
                        .json()
                        .path("created")
                        .size())
                .isEqualTo(4);
        assertThat(contract.call(manager, "PUT", "/admin/showtimes/" + showtime, "{\"format\":\"3D\"}")
                        .status())
                .isEqualTo(200);
        assertThat(contract.call(
                                manager,
                                "GET",
                                "/admin/showtimes?theaterId=" + theater + "&from=" + day + "&to=" + day.plusDays(7),
                                null)
                        .json()
                        .size())
                .isEqualTo(4);
        assertThat(contract.call(manager, "POST", "/admin/showtimes/" + showtime + "/cancel", """
                        {"reason":"Contract"}""")
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("CANCELLED");
    }
}
