package org.marquee.server.seatrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.marquee.model.Role;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;

/**
 * Best available on random halls (rows of seats, aisles, gaps, wheelchair spaces, companion and broken seats) at
 * random fill levels: whenever a block side by side in one segment exists that leaves no single seat, the answer is
 * such a block, of free seats the caller may have, and no such block scores better.
 */
class BestAvailableProperties {

    /** A hall and which of its seats are taken. */
    record Scene(List<String> rows, long seed, int fillPercent) {

        Hall hall() {
            return Hall.of(SeatLayout.parse(rows));
        }

        Set<String> taken() {
            Random random = new Random(seed);
            Set<String> taken = new HashSet<>();
            for (Hall.Segment segment : hall().segments()) {
                for (SeatDefinition seat : segment.seats()) {
                    if (random.nextInt(100) < fillPercent) {
                        taken.add(seat.id());
                    }
                }
            }
            return taken;
        }
    }

    @Provide
    Arbitrary<Scene> scenes() {
        Arbitrary<String> cells = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(30, Arbitraries.just('S')),
                        net.jqwik.api.Tuple.of(4, Arbitraries.just('P')),
                        net.jqwik.api.Tuple.of(3, Arbitraries.just('.')),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just('W')),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just('C')),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just('X')))
                .list()
                .ofMinSize(1)
                .ofMaxSize(24)
                .map(list -> {
                    StringBuilder row = new StringBuilder();
                    list.forEach(row::append);
                    return row.toString();
                })
                .filter(row -> row.chars().anyMatch(c -> c != '.'));
        Arbitrary<List<String>> rows = cells.list().ofMinSize(1).ofMaxSize(12).map(list -> {
            List<String> labelled = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                labelled.add((char) ('A' + i) + ":" + list.get(i));
            }
            return labelled;
        });
        return Combinators.combine(
                        rows, Arbitraries.longs(), Arbitraries.integers().between(0, 95))
                .as(Scene::new);
    }

    private static ShowtimeRules rules(Hall hall) {
        return new ShowtimeRules(hall, SingleSeatRule.KIOSK, 30, Instant.now().plusSeconds(86_400), HouseSeats.NONE);
    }

    @Property(tries = 400)
    void theAnswerIsALegalGapFreeBlockWheneverOneExists(
            @ForAll("scenes") Scene scene, @ForAll @IntRange(min = 1, max = 6) int count) {
        Hall hall = scene.hall();
        Set<String> taken = scene.taken();
        ShowtimeRules rules = rules(hall);
        BestAvailable.Ask ask =
                new BestAvailable.Ask(count, rules.eligible(Role.KIOSK, false, Instant.now(), false), false, true);

        Optional<List<String>> chosen = BestAvailable.choose(rules, taken, ask);

        chosen.ifPresent(seats -> {
            assertThat(seats).hasSize(count).doesNotHaveDuplicates();
            for (String id : seats) {
                SeatDefinition seat = hall.seat(id);
                assertThat(taken).doesNotContain(id);
                assertThat(seat.blocked()).isFalse();
                assertThat(ShowtimeRules.accessibleType(seat))
                        .as("a kiosk without accessible: true never gets %s", id)
                        .isFalse();
            }
        });
        if (BestAvailable.gapFreeBlockExists(rules, taken, ask)) {
            List<String> seats = chosen.orElseThrow();
            Hall.Segment segment = hall.segmentOf(seats.getFirst());
            int first = hall.positionOf(seats.getFirst());
            for (int i = 0; i < seats.size(); i++) {
                assertThat(hall.segmentOf(seats.get(i)))
                        .as("one segment, never across an aisle")
                        .isEqualTo(segment);
                assertThat(hall.positionOf(seats.get(i))).as("side by side").isEqualTo(first + i);
            }
            assertThat(Gaps.stranded(hall, taken, seats))
                    .as("no single seat left")
                    .isEmpty();
        }
        long free = hall.segments().stream()
                .flatMap(s -> s.seats().stream())
                .filter(s -> !taken.contains(s.id()) && ask.eligible().test(s))
                .count();
        assertThat(chosen.isPresent())
                .as("an answer exactly when enough seats are free")
                .isEqualTo(free >= count);
    }

    @Property(tries = 200)
    void noGapFreeBlockScoresBetterThanTheAnswer(
            @ForAll("scenes") Scene scene, @ForAll @IntRange(min = 1, max = 4) int count) {
        Hall hall = scene.hall();
        Set<String> taken = scene.taken();
        ShowtimeRules rules = rules(hall);
        BestAvailable.Ask ask =
                new BestAvailable.Ask(count, rules.eligible(Role.KIOSK, false, Instant.now(), false), false, true);
        if (!BestAvailable.gapFreeBlockExists(rules, taken, ask)) {
            return;
        }
        List<String> chosen = BestAvailable.choose(rules, taken, ask).orElseThrow();
        double best = BestAvailable.score(hall, chosen.stream().map(hall::seat).toList());
        for (Hall.Segment segment : hall.segments()) {
            List<SeatDefinition> seats = segment.seats();
            for (int from = 0; from + count <= seats.size(); from++) {
                List<SeatDefinition> window = seats.subList(from, from + count);
                List<String> ids = window.stream().map(SeatDefinition::id).toList();
                boolean legal = window.stream()
                                .allMatch(s -> !taken.contains(s.id())
                                        && ask.eligible().test(s))
                        && Gaps.stranded(hall, taken, ids).isEmpty();
                if (legal) {
                    assertThat(BestAvailable.score(hall, window)).isGreaterThanOrEqualTo(best);
                }
            }
        }
    }

    @Property(tries = 200)
    void anAccessibleCallerGetsAWheelchairSpaceWithItsCompanionsWhenARunHasOne(
            @ForAll("scenes") Scene scene, @ForAll @IntRange(min = 1, max = 3) int count) {
        Hall hall = scene.hall();
        Set<String> taken = scene.taken();
        ShowtimeRules rules = rules(hall);
        BestAvailable.Ask ask =
                new BestAvailable.Ask(count, rules.eligible(Role.KIOSK, true, Instant.now(), false), true, true);
        BestAvailable.choose(rules, taken, ask)
                .ifPresent(seats -> assertThat(rules.lonelyCompanions(seats))
                        .as("every companion seat beside a wheelchair space of the same hold")
                        .isEmpty());
    }
}
