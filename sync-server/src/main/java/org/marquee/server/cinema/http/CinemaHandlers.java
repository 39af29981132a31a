package org.marquee.server.cinema.http;

import io.javalin.http.Context;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.AuditoriumRequest;
import org.marquee.model.MovieInfo;
import org.marquee.model.MovieRequest;
import org.marquee.model.PricePlan;
import org.marquee.model.TheaterRequest;
import org.marquee.model.TheaterSettings;
import org.marquee.server.cinema.AuditoriumAdmin;
import org.marquee.server.cinema.CinemaAdmin;
import org.marquee.server.web.QueryParams;
import org.marquee.server.web.Requests;

/** {@code /admin/theaters}, {@code /admin/auditoriums}, {@code /admin/movies}, {@code /admin/price-plans} (§7.1). */
public final class CinemaHandlers {

    private static final String BASE = "/api/v1/admin/";

    private final CinemaAdmin cinema;
    private final AuditoriumAdmin auditoriums;

    public CinemaHandlers(CinemaAdmin cinema, AuditoriumAdmin auditoriums) {
        this.cinema = cinema;
        this.auditoriums = auditoriums;
    }

    public void theaters(Context ctx) {
        ctx.json(cinema.theaters());
    }

    public void createTheater(Context ctx) {
        TheaterSettings saved = cinema.createTheater(Requests.principal(ctx), Requests.body(ctx, TheaterRequest.class));
        ctx.status(201).header("Location", BASE + "theaters/" + saved.id()).json(saved);
    }

    public void updateTheater(Context ctx) {
        long id = Requests.longPath(ctx, "id", "theater");
        ctx.json(cinema.updateTheater(Requests.principal(ctx), id, Requests.body(ctx, TheaterRequest.class)));
    }

    /** {@code GET /admin/auditoriums?theaterId=}: every auditorium, or one theater's. */
    public void auditoriums(Context ctx) {
        ctx.json(auditoriums.list(QueryParams.longValue(ctx, "theaterId")));
    }

    public void createAuditorium(Context ctx) {
        AuditoriumInfo saved = auditoriums.create(Requests.principal(ctx), Requests.body(ctx, AuditoriumRequest.class));
        ctx.status(201).header("Location", BASE + "auditoriums/" + saved.id()).json(saved);
    }

    public void updateAuditorium(Context ctx) {
        long id = Requests.longPath(ctx, "id", "auditorium");
        ctx.json(auditoriums.update(Requests.principal(ctx), id, Requests.body(ctx, AuditoriumRequest.class)));
    }

    public void movies(Context ctx) {
        ctx.json(cinema.movies());
    }

    public void createMovie(Context ctx) {
        MovieInfo saved = cinema.createMovie(Requests.principal(ctx), Requests.body(ctx, MovieRequest.class));
        ctx.status(201).header("Location", BASE + "movies/" + saved.id()).json(saved);
    }

    public void updateMovie(Context ctx) {
        long id = Requests.longPath(ctx, "id", "movie");
        ctx.json(cinema.updateMovie(Requests.principal(ctx), id, Requests.body(ctx, MovieRequest.class)));
    }

    public void pricePlans(Context ctx) {
        ctx.json(cinema.pricePlans());
    }

    public void createPricePlan(Context ctx) {
        PricePlan saved = cinema.createPricePlan(Requests.principal(ctx), Requests.body(ctx, PricePlan.class));
        ctx.status(201).header("Location", BASE + "price-plans/" + saved.id()).json(saved);
    }

    public void updatePricePlan(Context ctx) {
        long id = Requests.longPath(ctx, "id", "price plan");
        ctx.json(cinema.updatePricePlan(Requests.principal(ctx), id, Requests.body(ctx, PricePlan.class)));
    }
}
