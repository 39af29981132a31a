package org.marquee.server.holds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Reads a seat map as a person looks at it: which free standard or premium seats stand alone. */
final class SeatMaps {

    private SeatMaps() {}

    /**
     * Free standard or premium seats with no free standard or premium seat beside them (an aisle, gap, row end, taken,
     * broken, wheelchair or companion seat on both sides).
     */
    static List<String> singles(Map<String, JsonNode> seats) {
        List<JsonNode> sorted = new ArrayList<>(seats.values());
        sorted.sort(Comparator.comparingInt((JsonNode s) -> s.path("y").asInt())
                .thenComparingInt(s -> s.path("x").asInt()));
        List<String> singles = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (open(sorted.get(i)) && !openNeighbour(sorted, i, -1) && !openNeighbour(sorted, i, 1)) {
                singles.add(sorted.get(i).path("id").asText());
            }
        }
        return singles;
    }

    private static boolean openNeighbour(List<JsonNode> sorted, int i, int step) {
        int j = i + step;
        if (j < 0 || j >= sorted.size()) {
            return false;
        }
        JsonNode seat = sorted.get(i);
        JsonNode other = sorted.get(j);
        return other.path("y").asInt() == seat.path("y").asInt()
                && Math.abs(other.path("x").asInt() - seat.path("x").asInt()) == 1
                && open(other);
    }

    private static boolean open(JsonNode seat) {
        String type = seat.path("type").asText();
        return seat.path("status").asText().equals("AVAILABLE") && (type.equals("STANDARD") || type.equals("PREMIUM"));
    }
}
