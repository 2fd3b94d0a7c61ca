-- recommendation-service's own data, kept from other services' events only (docs/events.md).

-- the catalogue as film.* announces it; the highest version wins
create table rec_film (
    film_id          uuid primary key,
    creator_id       uuid,
    title            text         not null,
    status           varchar(12)  not null,
    genres           text[]       not null default '{}',
    languages        text[]       not null default '{}',
    -- the credits' names (directors, cast, producers), lower case: films that share people are kin
    people           text[]       not null default '{}',
    maturity_rating  varchar(8)   not null,
    release_year     integer,
    runtime_minutes  integer,
    version          bigint       not null,
    -- when it was first seen PUBLISHED: the "latest" row's order
    published_at     timestamptz,
    updated_at       timestamptz  not null
);

-- rights' release windows (common's ReleaseWindowReadModel; the same shape as catalog's)
create table film_window (
    window_id             uuid primary key,
    film_id               uuid         not null,
    type                  varchar(12)  not null,
    worldwide             boolean      not null,
    territories           text[]       not null default '{}',
    excluded_territories  text[]       not null default '{}',
    starts_at             timestamptz  not null,
    ends_at               timestamptz,
    closed                boolean      not null default false,
    event_occurred_at     timestamptz  not null
);
create index film_window_film_idx on film_window (film_id, type);

-- one row per viewer and film: everything playback and payment said about it. Rows for films
-- not (yet) in rec_film are kept; they join once the film's event arrives.
create table watch_history (
    user_id           uuid         not null,
    film_id           uuid         not null,
    sessions          integer      not null default 0,
    watched_seconds   bigint       not null default 0,
    position_seconds  integer,
    -- the stop that set position_seconds: a late stop of an older session does not move it back
    position_at       timestamptz,
    finished          boolean      not null default false,
    bought            boolean      not null default false,
    first_at          timestamptz  not null,
    last_at           timestamptz  not null,
    -- counted into co_watch by the recompute job (once, when the watch first became meaningful)
    counted           boolean      not null default false,
    primary key (user_id, film_id)
);
create index watch_history_film_idx on watch_history (film_id);
create index watch_history_uncounted_idx on watch_history (last_at) where not counted;

-- playback sessions seen: a session is started once and stopped once, whatever is redelivered
create table watch_session (
    session_id  uuid primary key,
    user_id     uuid         not null,
    film_id     uuid         not null,
    started     boolean      not null default false,
    stopped     boolean      not null default false
);

-- payments seen (rentals and purchases count as interest in the film)
create table film_purchase (
    transaction_id  uuid primary key,
    user_id         uuid         not null,
    film_id         uuid         not null,
    kind            varchar(16)  not null,
    paid_at         timestamptz  not null
);

-- every start of a film in a territory: trending's input, folded in once by the job (counted)
create table film_view (
    session_id  uuid primary key,
    film_id     uuid         not null,
    territory   varchar(2)   not null,
    viewed_at   timestamptz  not null,
    counted     boolean      not null default false
);
create index film_view_uncounted_idx on film_view (viewed_at) where not counted;

-- item-to-item counts, updated incrementally: viewers per film, viewers per pair of films
create table film_audience (
    film_id  uuid primary key,
    viewers  integer not null
);
create table co_watch (
    film_id        uuid    not null,
    other_film_id  uuid    not null,
    viewers        integer not null,
    primary key (film_id, other_film_id)
);

-- the job's results, served from here (through Redis): kind SIMILAR (subject: a film id; its
-- co-watch neighbours) and TRENDING (subject: a territory; decayed view counts as of computed_at)
create table recommendations (
    kind         varchar(16)       not null,
    subject      varchar(64)       not null,
    film_id      uuid              not null,
    score        double precision  not null,
    computed_at  timestamptz       not null,
    primary key (kind, subject, film_id)
);
create index recommendations_rank_idx on recommendations (kind, subject, score desc);

-- how much of a film a viewer watched (0..1), the one definition the rows and the job both read:
-- finished is all of it; otherwise seconds actually played over the runtime (90 minutes when the
-- film's runtime is not known yet); a purchase or rental counts at least half (ranking's Watch.BOUGHT)
create view watched as
select h.*,
       case when h.finished then 1.0
            else greatest(case when h.bought then 0.5 else 0.0 end,
                          least(1.0, h.watched_seconds / coalesce(nullif(f.runtime_minutes, 0) * 60.0, 5400.0)))
       end as fraction
from watch_history h left join rec_film f on f.film_id = h.film_id;
