package org.marquee.kiosk.adminrefunds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakeCashOffice;
import org.marquee.model.FailedRefund;

/**
 * The failed refunds screen without the FX toolkit, against the cash API's in-memory fake (which also stands in for
 * the server's endpoints until their branch is merged; see CashClientWireTest).
 */
class FailedRefundsViewModelTest {

    FakeCashOffice office;
    Tasks tasks;
    FailedRefundsViewModel model;
    FailedRefund dune;
    FailedRefund wicked;

    @BeforeEach
    void setUp() {
        office = new FakeCashOffice(Clock.fixed(Instant.parse("2026-11-30T18:00:00Z"), ZoneOffset.UTC));
        dune = refund("K7Q2XM", "Dune: Part Two", 2_200, "0019", 3);
        wicked = refund("P4ZT9A", "Wicked", 1_850, "4242", 1);
        office.refused(dune);
        office.refused(wicked);
        tasks = new Tasks(UiThread.DIRECT);
        model = new FailedRefundsViewModel(office, tasks, new Messages(Locale.ENGLISH), 1L, ZoneId.of("UTC"));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    static FailedRefund refund(String code, String title, long amount, String card, int attempts) {
        return new FailedRefund(
                UUID.randomUUID(),
                UUID.randomUUID(),
                code,
                12,
                title,
                Instant.parse("2026-11-30T19:00:00Z"),
                amount,
                "EUR",
                card,
                "ana@example.com",
                attempts,
                Instant.parse("2026-11-30T17:00:00Z"),
                Instant.parse("2026-11-30T18:30:00Z"),
                "refund refused by the card provider");
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.workingProperty().get());
    }

    @Test
    void eachRefundOwedReadsAsMoneyACardEndingAndTheNextRetry() {
        model.load();
        settle();

        assertThat(model.refunds()).extracting(FailedRefund::orderCode).containsExactly("K7Q2XM", "P4ZT9A");
        assertThat(model.amount(dune)).isEqualTo("€22.00");
        assertThat(model.card(dune)).isEqualTo("•••• 0019");
        assertThat(model.showtime(dune)).startsWith("Dune: Part Two · 11/30/26");
        assertThat(model.nextAttempt(dune)).contains("6:30");
    }

    @Test
    void aPayOutIsConfirmedFirstThenTheRefundLeavesTheList() {
        model.load();
        settle();
        int asked = office.calls();

        model.askPayOut(); // nothing chosen: nothing asked
        assertThat(model.confirmingProperty().get()).isNull();
        model.selectedProperty().set(dune);
        model.askPayOut();
        assertThat(model.confirmingProperty().get()).isEqualTo(dune);
        assertThat(model.question(dune)).startsWith("Did you pay €22.00 in cash to the customer of order K7Q2XM");
        model.cancelPayOut();
        assertThat(model.confirmingProperty().get()).isNull();
        assertThat(office.calls()).as("backing out sends nothing").isEqualTo(asked);

        model.askPayOut();
        model.confirmPayOut();
        settle();

        assertThat(model.refunds()).extracting(FailedRefund::orderCode).containsExactly("P4ZT9A");
        assertThat(model.noticeProperty().get()).isEqualTo("Paid out €22.00 in cash for order K7Q2XM.");
        assertThat(model.confirmingProperty().get()).isNull();
        assertThat(office.failedRefunds(1L)).extracting(FailedRefund::orderCode).containsExactly("P4ZT9A");
    }

    @Test
    void aRetryThatWentThroughMeanwhileIsSaidInWordsAndNothingIsPaidOut() {
        model.load();
        settle();
        office.retrySucceeds(wicked.paymentId());

        model.selectedProperty().set(wicked);
        model.askPayOut();
        model.confirmPayOut();
        settle();

        assertThat(model.errorProperty().get())
                .isEqualTo("A retry went through meanwhile — nothing to pay out for order P4ZT9A.");
        assertThat(model.noticeProperty().get()).isEmpty();
        assertThat(model.refunds()).extracting(FailedRefund::orderCode).containsExactly("K7Q2XM");
    }
}
