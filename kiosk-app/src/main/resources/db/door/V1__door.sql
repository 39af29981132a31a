-- A door scanner's own store (DESIGN §9): the keys and revoked tickets it checks offline, and its scans until the
-- server has them.
create table door_keys (
    kid        varchar(32) primary key,
    public_key varchar(200) not null,
    not_after  timestamp with time zone
);
create table door_revoked (
    ticket_id   bigint primary key,
    showtime_id bigint not null,
    seat_id     varchar(64) not null,
    reason      varchar(32) not null
);
create table door_settings (
    k varchar(64) primary key,
    v varchar(200) not null
);
create table door_scans (
    scan_id        varchar(64) primary key,
    token          varchar(600) not null,
    scanned_at     timestamp with time zone not null,
    showtime_id    bigint,
    ticket_id      bigint,
    seat_id        varchar(64),
    local_result   varchar(32) not null,
    uploaded       boolean default false not null,
    server_result  varchar(32),
    admitted_by    varchar(200)
);
create index door_scans_pending on door_scans (uploaded);
