-- What playback knows of a film's transcoded media: its own read model of transcode.completed
-- (the newest completion wins), never a read of transcoding's schema.
create table transcoded_films (
    film_id           uuid primary key,
    job_id            uuid          not null,
    bucket            varchar(63)   not null,
    hls_master_key    varchar(1024) not null,
    dash_manifest_key varchar(1024) not null,
    duration_seconds  numeric(12, 3),
    renditions        jsonb         not null,
    completed_at      timestamptz   not null
);

-- The devices a viewer has played on (named in a "too many streams" answer).
create table devices (
    user_id      uuid         not null,
    device_id    varchar(64)  not null,
    description  varchar(200) not null,
    first_seen   timestamptz  not null,
    last_seen    timestamptz  not null,
    primary key (user_id, device_id)
);

-- One row per playback session: what royalty splits SVOD revenue by (watched seconds by film,
-- territory and offer kind). Heartbeats are buffered in Redis and written here in batches.
create table playback_logs (
    id                uuid primary key,
    user_id           uuid        not null,
    film_id           uuid        not null,
    device_id         varchar(64) not null,
    territory         char(2)     not null,
    offer_kind        varchar(20) not null,
    window_id         uuid,
    entitlement_id    uuid,
    with_ads          boolean     not null,
    max_quality       varchar(8)  not null,
    max_streams       integer     not null check (max_streams > 0),
    started_at        timestamptz not null,
    last_beat_at      timestamptz not null,
    stopped_at        timestamptz,
    stop_reason       varchar(16) check (stop_reason in ('STOPPED', 'LAPSED', 'REPLACED')),
    position_seconds  integer     not null default 0 check (position_seconds >= 0),
    watched_seconds   integer     not null default 0 check (watched_seconds >= 0),
    buffering_seconds integer     not null default 0 check (buffering_seconds >= 0),
    renditions        text[]      not null default '{}',
    finished          boolean     not null default false
);
create index playback_logs_open on playback_logs (user_id, film_id) where stopped_at is null;
create index playback_logs_film_started on playback_logs (film_id, started_at);

-- Where a viewer left each film (Jellyfin's rules: none under 5 %, cleared past 90 %).
create table resume_positions (
    user_id          uuid        not null,
    film_id          uuid        not null,
    position_seconds integer     not null check (position_seconds >= 0),
    duration_seconds integer     not null check (duration_seconds > 0),
    updated_at       timestamptz not null,
    primary key (user_id, film_id)
);
create index resume_positions_recent on resume_positions (user_id, updated_at desc);
