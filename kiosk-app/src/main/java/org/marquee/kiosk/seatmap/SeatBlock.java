package org.marquee.kiosk.seatmap;

import java.util.List;

/**
 * One entry of the accessible seat list: {@code seatIds} side by side in {@code row}, chosen without the map.
 * {@code wheelchairs} and {@code companions} count the wheelchair spaces and companion seats in it (both 0 for a block
 * of ordinary seats); {@code position} says where in the row it is, as seen on the map.
 */
public record SeatBlock(List<String> seatIds, String row, Position position, int wheelchairs, int companions) {

    /** Where a block sits in its row. */
    public enum Position {
        LEFT,
        CENTRE,
        RIGHT
    }

    public SeatBlock {
        seatIds = List.copyOf(seatIds);
    }

    /** True for a block of wheelchair spaces (with companion seats): it needs an accessible hold. */
    public boolean wheelchair() {
        return wheelchairs > 0;
    }
}
