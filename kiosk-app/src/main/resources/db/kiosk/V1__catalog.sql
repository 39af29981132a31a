-- The kiosk's copy of the catalog, filled from GET /catalog/changes. No foreign keys: answers are applied as
-- upserts in whatever order they come, and a showtime whose auditorium is not here yet is simply not listed.

create table theater (
    id         bigint primary key,
    name       varchar(200) not null,
    address    varchar(500) not null,
    lat        double precision not null,
    lon        double precision not null,
    time_zone  varchar(64) not null
);

create table auditorium (
    id           bigint primary key,
    theater_id   bigint not null,
    name         varchar(200) not null,
    -- one seat-layout row per line, in the SeatLayout notation
    layout       character varying(1000000) not null,
    seats_total  integer not null
);

create index auditorium_theater on auditorium (theater_id);

create table movie (
    id               bigint primary key,
    title            varchar(500) not null,
    runtime_minutes  integer not null,
    rating           varchar(20),
    -- one genre per line
    genres           varchar(2000) not null,
    synopsis         character varying(100000),
    poster_url       varchar(2000)
);

create table showtime (
    id             bigint primary key,
    movie_id       bigint not null,
    auditorium_id  bigint not null,
    starts_at      timestamp with time zone not null,
    format         varchar(50),
    status         varchar(20) not null
);

create index showtime_auditorium_start on showtime (auditorium_id, starts_at);

-- small facts about the cache itself: the sync cursor and when the last sync succeeded
create table sync_state (
    state_key    varchar(100) primary key,
    state_value  varchar(1000) not null
);
