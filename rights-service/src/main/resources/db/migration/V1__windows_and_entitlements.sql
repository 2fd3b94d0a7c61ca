-- Release windows: when, where and how a film may be offered.
create table windows (
    id                   uuid primary key,
    film_id              uuid         not null,
    type                 varchar(16)  not null
        check (type in ('FESTIVAL', 'CINEMA', 'COLLECTOR', 'PVOD', 'PPV', 'TVOD', 'SVOD', 'AVOD')),
    status               varchar(16)  not null
        check (status in ('SCHEDULED', 'ACTIVE', 'EXPIRED', 'CANCELLED')),
    -- worldwide windows list exclusions; the others list the territories they cover
    worldwide            boolean      not null,
    territories          text[]       not null default '{}',
    excluded_territories text[]       not null default '{}',
    starts_at            timestamptz  not null,
    ends_at              timestamptz,
    exclusive            boolean      not null default false,
    -- "opens N days after window X": the start is re-resolved whenever the anchor's start moves
    anchor_window_id     uuid references windows (id),
    anchor_offset_days   integer,
    rental_start_days    integer,
    rental_watch_hours   integer,
    ppv_event_starts_at  timestamptz,
    ppv_duration_minutes integer,
    edition_size         integer,
    cancel_reason        varchar(500),
    version              bigint       not null default 0,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    constraint windows_end_after_start check (ends_at is null or ends_at > starts_at),
    constraint windows_territory_shape check (
        (worldwide and cardinality(territories) = 0)
        or (not worldwide and cardinality(territories) > 0 and cardinality(excluded_territories) = 0)),
    constraint windows_anchor_complete check ((anchor_window_id is null) = (anchor_offset_days is null))
);
create index windows_film on windows (film_id);
create index windows_anchor on windows (anchor_window_id) where anchor_window_id is not null;
-- the lifecycle scheduler looks only at windows that still have a transition ahead of them
create index windows_due_to_open on windows (starts_at) where status = 'SCHEDULED';
create index windows_due_to_close on windows (ends_at) where status = 'ACTIVE' and ends_at is not null;

create table window_prices (
    window_id uuid        not null references windows (id) on delete cascade,
    currency  varchar(3)  not null,
    amount    bigint      not null check (amount > 0),
    primary key (window_id, currency)
);

-- Who may watch what, until when.
create table entitlements (
    id                uuid primary key,
    user_id           uuid         not null,
    kind              varchar(20)  not null
        check (kind in ('RENTAL', 'PURCHASE', 'SUBSCRIPTION', 'PPV_TICKET', 'COLLECTOR', 'FESTIVAL_PASS', 'COMPLIMENTARY')),
    source            varchar(10)  not null check (source in ('PAYMENT', 'ADMIN')),
    status            varchar(10)  not null check (status in ('ACTIVE', 'REVOKED')),
    film_id           uuid,
    window_id         uuid,
    -- one entitlement per payment, however often or concurrently payment.succeeded arrives
    transaction_id    uuid unique,
    subscription_id   uuid,
    valid_from        timestamptz  not null,
    valid_until       timestamptz,
    -- rentals: start watching by start_by, then watch for watch_hours from the first play
    start_by          timestamptz,
    watch_hours       integer,
    started_at        timestamptz,
    granted_at        timestamptz  not null,
    granted_by        varchar(64),
    note              varchar(500),
    revoked_at        timestamptz,
    revoke_reason     varchar(500),
    constraint entitlements_film_unless_subscription check ((kind = 'SUBSCRIPTION') = (film_id is null))
);
create index entitlements_user_film on entitlements (user_id, film_id) where status = 'ACTIVE';
create index entitlements_user_subscription on entitlements (user_id) where status = 'ACTIVE' and kind = 'SUBSCRIPTION';
