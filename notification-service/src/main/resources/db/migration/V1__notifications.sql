-- notification-service: who to reach, what to say (templates), what was said (notifications) and how
-- each channel got it there (deliveries with their attempts). Nothing here reads another service's
-- schema: contacts and films are this service's own views, kept from identity's and catalog's events.

-- whom we can reach, from identity's events and the user's own settings
create table contacts (
    user_id      uuid primary key,
    email        varchar(254),
    phone        varchar(32),
    language     varchar(8)  not null default 'en',
    time_zone    varchar(64) not null default 'Pacific/Port_Moresby',
    territory    char(2),
    -- non-urgent email and SMS wait while the user's local time is in [quiet_from, quiet_until)
    quiet_from   time,
    quiet_until  time,
    updated_at   timestamptz not null
);
create index contacts_language on contacts (language);
create index contacts_territory on contacts (territory);

-- what catalog told us about films: their titles and creators for the messages about them
create table films (
    film_id     uuid primary key,
    creator_id  uuid,
    title       varchar(300) not null,
    slug        varchar(300),
    status      varchar(12) not null,
    version     bigint not null default 0
);

-- one row per version of what a type says on a channel in a language; the highest version is used
create table templates (
    id          uuid primary key,
    type        varchar(40) not null,
    channel     varchar(8)  not null check (channel in ('EMAIL', 'SMS', 'INBOX')),
    language    varchar(8)  not null,
    version     integer     not null check (version > 0),
    subject     text,
    body_text   text        not null,
    body_html   text,
    created_at  timestamptz not null,
    created_by  uuid,
    unique (type, channel, language, version)
);

create table notifications (
    id          uuid primary key,
    user_id     uuid        not null,
    type        varchar(40) not null,
    category    varchar(16) not null,
    critical    boolean     not null,
    -- what caused it (an event, a send request, a digest): one notification per cause and user, so
    -- a redelivered event or a repeated request adds nothing
    cause       varchar(200) not null,
    data        jsonb       not null,
    created_at  timestamptz not null,
    read_at     timestamptz,
    unique (cause, user_id)
);
create index notifications_by_user on notifications (user_id, created_at desc);
create index notifications_unread on notifications (user_id) where read_at is null;

create table deliveries (
    id               uuid primary key,
    notification_id  uuid        not null references notifications (id) on delete cascade,
    user_id          uuid        not null,
    channel          varchar(8)  not null check (channel in ('EMAIL', 'SMS', 'INBOX')),
    state            varchar(10) not null check (state in ('QUEUED', 'SENT', 'FAILED', 'SUPPRESSED')),
    -- null: the user's address from contacts, looked up when it is sent
    destination      varchar(254),
    language         varchar(8)  not null,
    subject          text,
    body_text        text,
    body_html        text,
    unsubscribe_url  text,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    claimed_until    timestamptz,
    last_error       text,
    provider_id      varchar(200),
    created_at       timestamptz not null,
    finished_at      timestamptz,
    -- exactly one delivery per notification and channel, however often it is retried or re-caused
    unique (notification_id, channel)
);
create index deliveries_due on deliveries (next_attempt_at) where state = 'QUEUED';
create index deliveries_by_state on deliveries (state, created_at desc);

create table delivery_attempts (
    delivery_id   uuid        not null references deliveries (id) on delete cascade,
    attempt       integer     not null,
    attempted_at  timestamptz not null,
    outcome       varchar(8)  not null check (outcome in ('SENT', 'RETRY', 'FAILED')),
    error         text,
    primary key (delivery_id, attempt)
);

-- a user's choice per category and channel; no row means the category's default
create table preferences (
    user_id   uuid        not null,
    category  varchar(16) not null,
    channel   varchar(8)  not null check (channel in ('EMAIL', 'SMS', 'INBOX')),
    enabled   boolean     not null,
    primary key (user_id, category, channel)
);

-- genres and creators a viewer follows, for news of their releases
create table follows (
    user_id  uuid         not null,
    kind     varchar(8)   not null check (kind in ('GENRE', 'CREATOR')),
    subject  varchar(100) not null,
    primary key (user_id, kind, subject)
);
create index follows_by_subject on follows (kind, subject);

-- releases waiting for the viewer's next digest
create table release_digest_items (
    user_id   uuid         not null,
    film_id   uuid         not null,
    title     varchar(300) not null,
    added_at  timestamptz  not null,
    primary key (user_id, film_id)
);
create index release_digest_items_due on release_digest_items (added_at);

-- an announcement to a segment, told in the background batch by batch: each batch moves after_user
-- in the transaction that tells it, so a send resumes where it stopped if an instance dies
create table segment_sends (
    id           uuid primary key,
    caller       uuid         not null,
    type         varchar(40)  not null,
    channels     varchar(40)  not null,
    variables    jsonb        not null,
    everyone     boolean      not null,
    territory    char(2),
    language     varchar(8),
    -- one send per request: a repeated request finds the send it started
    cause        varchar(200) not null unique,
    state        varchar(8)   not null check (state in ('RUNNING', 'DONE')),
    after_user   uuid,
    recipients   bigint       not null,
    told         bigint       not null default 0,
    created_at   timestamptz  not null,
    finished_at  timestamptz
);
create index segment_sends_running on segment_sends (created_at) where state = 'RUNNING';
