package org.marquee.kiosk.client;

import java.util.List;
import org.marquee.model.TheaterRequest;
import org.marquee.model.TheaterSettings;

/** {@code /admin/theaters} (DESIGN §7.1), for a manager's session. Blocking; {@link ApiProblem} on refusal. */
public interface TheaterAdmin {

    List<TheaterSettings> theaters();

    TheaterSettings createTheater(TheaterRequest request);

    TheaterSettings updateTheater(long id, TheaterRequest request);
}
