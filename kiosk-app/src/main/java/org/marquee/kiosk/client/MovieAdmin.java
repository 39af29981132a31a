package org.marquee.kiosk.client;

import java.util.List;
import org.marquee.model.MovieInfo;
import org.marquee.model.MovieRequest;

/** {@code /admin/movies} (DESIGN §7.1), for a manager's session. Blocking; {@link ApiProblem} on refusal. */
public interface MovieAdmin {

    List<MovieInfo> movies();

    MovieInfo createMovie(MovieRequest request);

    MovieInfo updateMovie(long id, MovieRequest request);
}
