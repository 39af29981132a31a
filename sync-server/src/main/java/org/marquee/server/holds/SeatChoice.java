package org.marquee.server.holds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a hold's seats are decided: the seats asked for, checked against the seat rules, or the best block for a count.
 * The hold store's transaction asks it once the terminal's previous hold is ended and before the claim.
 */
public interface SeatChoice {

    /**
     * The seats to claim, decided on what {@code seen} shows. Refuses with a
     * {@link org.marquee.server.common.MarqueeException}, with {@link SeatsTaken} when asked seats are someone
     * else's, or with {@link LostRace} when seats it chose were taken meanwhile and it should choose again.
     */
    List<String> decide(SeatsSeen seen);

    /** True when it picks seats itself: there is no first check, and a taken seat means choosing again. */
    boolean choosesSeats();

    /**
     * The seats, when deciding them inside the hold's transaction needs nothing read there but, for a kiosk, the house
     * seats (no seat rule to check against others' claims or accessible seats): the claim alone decides, and the
     * transaction can be sent whole at once (decision 0039). Empty otherwise.
     */
    default Optional<Unread> withoutReading() {
        return Optional.empty();
    }

    /**
     * Seats decided without a read. With {@code houseSeatsUntil} (a kiosk's hold), house seats among them are refused
     * until they are released before that start ({@link org.marquee.server.seatrules.HouseSeats#releasesAt}), with
     * {@code houseRefusal}'s answer naming them.
     */
    record Unread(
            List<String> seats,
            Optional<Instant> houseSeatsUntil,
            Function<List<String>, ? extends RuntimeException> houseRefusal) {}

    /** Exactly these seats, no rule applied: for holds whose seats were checked before. */
    static SeatChoice exactly(List<String> seats) {
        return new SeatChoice() {
            @Override
            public List<String> decide(SeatsSeen seen) {
                return seats;
            }

            @Override
            public boolean choosesSeats() {
                return false;
            }
        };
    }

    /** Asked seats that someone else holds or bought; nothing changed. */
    final class SeatsTaken extends RuntimeException {
        private final transient List<String> seatIds;

        public SeatsTaken(List<String> seatIds) {
            super("seats taken", null, false, false);
            this.seatIds = List.copyOf(seatIds);
        }

        public List<String> seatIds() {
            return seatIds;
        }
    }

    /** Chosen seats were taken between the choice and its lock: choose again. */
    final class LostRace extends RuntimeException {
        public LostRace() {
            super("lost race", null, false, false);
        }
    }
}
