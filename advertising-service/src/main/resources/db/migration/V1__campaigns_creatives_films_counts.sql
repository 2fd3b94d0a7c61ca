-- advertising-service: AVOD campaigns and their creatives, its own view of catalog's films, and the
-- counts of served ads and beacons (flushed from Redis in batches, never one row per beacon).

-- what advertising knows of a film, from catalog's film.* events (tolerant reader)
create table ad_films (
    film_id            uuid primary key,
    creator_id         uuid,
    title              text        not null,
    status             text        not null,
    runtime_minutes    integer,
    genres             text[]      not null default '{}',
    maturity_rating    text,
    languages          text[]      not null default '{}',
    -- where mid-rolls go, in seconds of the film, as its creator set them; null: every N minutes
    cue_points_seconds integer[],
    film_version       bigint      not null default 0,
    updated_at         timestamptz not null
);

create table ad_campaigns (
    id              uuid primary key,
    advertiser      text        not null,
    name            text        not null,
    status          text        not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED', 'ENDED', 'OUT_OF_BUDGET')),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    currency        text        not null check (currency in ('PGK', 'USD')),
    total_budget    bigint      not null check (total_budget > 0),
    daily_budget    bigint      not null check (daily_budget > 0),
    cpm             bigint      not null check (cpm > 0),
    priority        integer     not null check (priority between 1 and 10),
    targeting       jsonb       not null,
    frequency_cap   integer check (frequency_cap > 0),
    version         bigint      not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index ad_campaigns_status on ad_campaigns (status);

create table ad_creatives (
    id                      uuid primary key,
    campaign_id             uuid        not null references ad_campaigns (id),
    title                   text        not null,
    universal_ad_registry   text        not null,
    universal_ad_id         text        not null,
    click_through_url       text        not null,
    skip_offset_seconds     integer check (skip_offset_seconds >= 0),
    object_key              text        not null unique,
    status                  text        not null check (status in ('AWAITING_UPLOAD', 'READY', 'REJECTED')),
    rejection               text,
    content_type            text,
    size_bytes              bigint,
    duration_ms             integer,
    width                   integer,
    height                  integer,
    bitrate_kbps            integer,
    video_codec             text,
    container               text,
    created_at              timestamptz not null,
    confirmed_at            timestamptz,
    unique (universal_ad_registry, universal_ad_id)
);
create index ad_creatives_campaign on ad_creatives (campaign_id);

-- counts per campaign, creative, film, hour and territory: served ads (what budgets and caps were
-- charged for), and what players reported through beacons. Only the batch flush writes here.
create table ad_impressions (
    campaign_id      uuid        not null,
    creative_id      uuid        not null,
    film_id          uuid        not null,
    hour_start       timestamptz not null,
    territory        text        not null,
    currency         text        not null,
    cpm              bigint      not null,
    served           bigint      not null default 0,
    impressions      bigint      not null default 0,
    clicks           bigint      not null default 0,
    first_quartiles  bigint      not null default 0,
    midpoints        bigint      not null default 0,
    third_quartiles  bigint      not null default 0,
    completes        bigint      not null default 0,
    skips            bigint      not null default 0,
    errors           bigint      not null default 0,
    primary key (campaign_id, creative_id, film_id, hour_start, territory)
);
create index ad_impressions_film_hour on ad_impressions (film_id, hour_start);

-- a flushed batch of Redis counts: a flush that crashed after its commit is not added twice
create table ad_count_batches (
    batch_id   text primary key,
    flushed_at timestamptz not null
);

-- ad.impressions_billed, once per film, hour and currency
create table ad_billed_hours (
    film_id     uuid        not null,
    hour_start  timestamptz not null,
    currency    text        not null,
    billing_id  uuid        not null unique,
    amount      bigint      not null,
    impressions bigint      not null,
    billed_at   timestamptz not null,
    primary key (film_id, hour_start, currency)
);
