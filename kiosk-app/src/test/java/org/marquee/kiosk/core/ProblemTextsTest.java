package org.marquee.kiosk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.ErrorCode;

/** The server's refusals in the terminal's language (issue 14, item 7), the server's words as the fallback. */
class ProblemTextsTest {

    private final Messages spanish = new Messages(Locale.of("es"));
    private final Messages english = new Messages(Locale.ENGLISH);

    @Test
    void aTakenSeatIsToldInSpanishWithTheSeatsTheServerNamed() {
        ApiProblem taken = new ApiProblem(
                409,
                ErrorCode.SEATS_UNAVAILABLE,
                "Seats F7, F8 were just taken by someone else. Please choose others.",
                Map.of("seatIds", List.of("F7", "F8")));

        assertThat(ProblemTexts.of(taken, spanish))
                .isEqualTo("Otra persona acaba de ocupar las butacas F7, F8. Elija otras, por favor.");
        assertThat(ProblemTexts.of(taken, english))
                .isEqualTo("Seats F7, F8 were just taken by someone else. Please choose others.");
    }

    @Test
    void aDeclinedCardATimeoutAndARefundedChargeAreToldInSpanish() {
        assertThat(ProblemTexts.of(
                        new ApiProblem(
                                402, ErrorCode.PAYMENT_DECLINED, "Declined. The seats are still held.", Map.of()),
                        spanish))
                .isEqualTo("La tarjeta ha sido rechazada. Las butacas siguen reservadas; pruebe con otra tarjeta.");
        assertThat(ProblemTexts.of(new ApiProblem(504, ErrorCode.PAYMENT_TIMEOUT, "No answer.", Map.of()), spanish))
                .startsWith("El datáfono no respondió a tiempo");
        assertThat(ProblemTexts.of(
                        new ApiProblem(409, ErrorCode.HOLD_EXPIRED, "Expired.", Map.of("refunded", true)), spanish))
                .contains("el cargo se ha devuelto");
        assertThat(ProblemTexts.of(new ApiProblem(409, ErrorCode.HOLD_EXPIRED, "Expired.", Map.of()), spanish))
                .contains("no se ha cobrado nada");
    }

    @Test
    void anUnreachableServerIsBeingOfflineInTheTerminalsLanguage() {
        assertThat(ProblemTexts.of(ApiProblem.unreachable("The box-office server cannot be reached."), spanish))
                .startsWith("Este terminal no tiene conexión");
    }

    @Test
    void aCodeWhoseReasonOnlyTheServerKnowsIsSpanishInSpanishAndTheServersOwnInEnglish() {
        ApiProblem forbidden = new ApiProblem(403, ErrorCode.FORBIDDEN, "A clerk may not do this.", Map.of());

        assertThat(ProblemTexts.of(forbidden, spanish)).isEqualTo("Este terminal o esta persona no puede hacer eso.");
        assertThat(ProblemTexts.of(forbidden, english)).isEqualTo("A clerk may not do this.");
    }

    @Test
    void aRefusedFieldAndAStrandedSeatAreNamedInSpanish() {
        ApiProblem field = new ApiProblem(
                422, ErrorCode.INVALID_REQUEST, "email: not an e-mail address.", Map.of("field", "email"));
        ApiProblem gap = new ApiProblem(
                409, ErrorCode.SINGLE_SEAT_GAP, "Seat F9 would be left alone.", Map.of("seatIds", List.of("F9")));

        assertThat(ProblemTexts.of(field, spanish))
                .isEqualTo("El servidor no aceptó el valor de «email». Revise lo que se ha escrito.");
        assertThat(ProblemTexts.of(gap, spanish)).startsWith("La butaca F9 quedaría libre y suelta.");
        // in English, the server's own sentence: it says where the seat would be left
        assertThat(ProblemTexts.of(gap, english)).isEqualTo("Seat F9 would be left alone.");
    }

    @Test
    void anEnglishServerMessageWithoutWordsFallsBackToTheBundle() {
        ApiProblem forbidden = new ApiProblem(403, ErrorCode.FORBIDDEN, " ", Map.of());

        assertThat(ProblemTexts.of(forbidden, english)).isEqualTo("This terminal or this person may not do that.");
    }

    /** Read straight from each file: a Spanish bundle silently borrowing an English sentence would pass otherwise. */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_es.properties"})
    void everyErrorCodeHasASentenceInEachLanguagesOwnFile(String file) throws IOException {
        Properties bundle = new Properties();
        try (var in = Messages.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        List<String> missing = Arrays.stream(ErrorCode.values())
                .map(code -> "error." + code.name())
                .filter(key -> bundle.getProperty(key, "").isBlank())
                .toList();

        assertThat(missing).as("error codes without a text in " + file).isEmpty();
    }

    @Test
    void everyErrorCodeIsToldInSpanishNotInTheServersEnglish() {
        for (ErrorCode code : ErrorCode.values()) {
            String servers = "The server's English words for " + code + ".";
            String told = ProblemTexts.of(new ApiProblem(409, code, servers, Map.of()), spanish);

            assertThat(told).as(code.name()).isNotEqualTo(servers).isNotBlank().doesNotStartWith("error.");
        }
    }

    @Test
    void theSeatRulesRefusalsKeepTheServersEnglishAndNameTheSeatsInSpanish() {
        String english = "This would leave F9 alone between two taken seats. Choose F9 too, or choose seats that"
                + " leave no single seat.";
        ApiProblem gap = new ApiProblem(409, ErrorCode.SINGLE_SEAT_GAP, english, Map.of("seatIds", List.of("F9")));
        ApiProblem kept = new ApiProblem(
                409, ErrorCode.ACCESSIBLE_SEATS_RESERVED, "Seat A2 is kept…", Map.of("seatIds", List.of("A2")));
        ApiProblem house =
                new ApiProblem(409, ErrorCode.HOUSE_SEATS, "Seat B7 is kept…", Map.of("seatIds", List.of("B7")));

        assertThat(ProblemTexts.of(gap, this.english)).isEqualTo(english);
        assertThat(ProblemTexts.of(gap, spanish)).startsWith("La butaca F9 quedaría libre y suelta.");
        assertThat(ProblemTexts.of(kept, spanish)).startsWith("Las plazas A2 son para personas en silla de ruedas");
        assertThat(ProblemTexts.of(house, spanish)).startsWith("Las butacas B7 están reservadas para la taquilla");
        assertThat(ProblemTexts.of(house, this.english)).isEqualTo("Seat B7 is kept…");
    }
}
