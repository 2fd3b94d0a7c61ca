-- Periods are calendar months in UTC, written 'YYYY-MM' and stored as their first day.

-- The seed's royalty_rules: one row per version of a film's agreement, in force over
-- [effective_from, effective_to) in whole months. Versions of one film never overlap (checked under
-- a per-film advisory lock) and never start in a closed period.
create table agreement (
    id             uuid primary key,
    film_id        uuid not null,
    version        int not null,
    effective_from date not null,
    effective_to   date,
    -- {"kinds": {"DEFAULT": [{"partyId", "role", "bps"}], "SVOD": [...]}, "steps": [...]}: read whole, never queried into
    terms          jsonb not null,
    created_at     timestamptz not null,
    created_by     text not null,
    unique (film_id, version),
    check (effective_to is null or effective_to > effective_from)
);
create index agreement_film on agreement (film_id, effective_from);

-- The parties named by agreements, for the creator and party reports.
create table agreement_party (
    agreement_id uuid not null references agreement (id),
    party_id     uuid not null,
    role         text not null check (role in ('PRODUCER', 'DISTRIBUTOR', 'PLATFORM')),
    primary key (agreement_id, party_id)
);
create index agreement_party_party on agreement_party (party_id);

-- Append-only: one row per source event (source_key is unique), never updated or deleted. period
-- is where the entry is booked: its own month, or the first open month when that one was closed
-- (a refund after close is an adjustment of the next period). film_id is null for the SVOD pool.
create table ledger_entry (
    id           bigserial primary key,
    source_key   text not null unique,
    period       date not null,
    film_id      uuid,
    revenue_kind text not null check (revenue_kind in ('TRANSACTIONAL', 'SVOD', 'AVOD')),
    territory    text,
    currency     text not null check (currency in ('PGK', 'USD')),
    amount       bigint not null,
    occurred_at  timestamptz not null,
    adjustment_of date,
    recorded_at  timestamptz not null
);
create index ledger_entry_period on ledger_entry (period, film_id, currency, revenue_kind);
create index ledger_entry_film on ledger_entry (film_id, period);

-- What a sale was booked at, so its refunds reverse exactly that (net of GST): reversed is what
-- refunds have taken back so far (a full refund takes back net_amount, partial ones their share).
create table sale (
    transaction_id uuid primary key,
    film_id        uuid,
    revenue_kind   text not null,
    territory      text,
    currency       text not null,
    gross_amount   bigint not null,
    net_amount     bigint not null,
    reversed       bigint not null default 0
);

-- The most refunded of each payment so far, so a refund handled before its sale (they travel on
-- different streams) still reverses it when the sale arrives.
create table refund_seen (
    transaction_id uuid primary key,
    refunded_total bigint not null,
    occurred_at    timestamptz not null
);

-- SVOD watch time from playback.stopped, one row per session.
create table watch_time (
    session_id     uuid primary key,
    period         date not null,
    film_id        uuid not null,
    territory      text not null,
    offer_kind     text not null,
    user_id        uuid,
    watched_seconds bigint not null check (watched_seconds >= 0)
);
create index watch_time_period on watch_time (period, offer_kind, territory, film_id);

-- Which periods are closed: every month up to closed_through (one row).
create table period_book (
    id             int primary key check (id = 1),
    closed_through date
);
insert into period_book (id, closed_through) values (1, null);

-- One statement per party, film and currency and period. DRAFT while the period is open (a
-- calculation replaces them whole); ISSUED when the period closes, then sealed: hash over the
-- canonical form, chained to the party's previous issued statement (sequence per party).
create table statement (
    id             uuid primary key,
    period         date not null,
    party_id       uuid not null,
    role           text not null,
    film_id        uuid not null,
    currency       text not null,
    amount         bigint not null,
    recouped       bigint not null default 0,
    lines          jsonb not null,
    status         text not null check (status in ('DRAFT', 'ISSUED')),
    sequence       bigint,
    previous_id    uuid,
    previous_hash  text,
    hash           text,
    issued_at      timestamptz,
    payout_id      uuid,
    unique (period, party_id, film_id, currency),
    unique (party_id, sequence)
);
create index statement_party on statement (party_id, period);
create index statement_film on statement (film_id, period);
create index statement_unpaid on statement (party_id, currency) where status = 'ISSUED' and payout_id is null;

-- What a calculation left unallocated: revenue of films without an agreement (held, carried to the
-- next period on close) and SVOD pools nobody watched in.
create table held_revenue (
    id           bigserial primary key,
    period       date not null,
    film_id      uuid,
    territory    text not null default '',
    revenue_kind text not null,
    currency     text not null,
    amount       bigint not null,
    reason       text not null
);
create index held_revenue_period on held_revenue (period);

-- Where a party is paid.
create table payee (
    party_id     uuid primary key,
    method       text not null check (method in ('BANK_TRANSFER')),
    account_name text not null,
    bank_code    text not null,
    account_number text not null,
    updated_at   timestamptz not null
);

-- One payout per party and currency per run; every statement it pays names it (statement.payout_id),
-- so a statement is paid once.
create table payout (
    id          uuid primary key,
    party_id    uuid not null,
    currency    text not null,
    amount      bigint not null check (amount > 0),
    status      text not null check (status in ('SCHEDULED', 'SENT', 'PAID', 'FAILED', 'RETRIED')),
    attempts    int not null default 0,
    batch_key   text,
    failure     text,
    scheduled_at timestamptz not null,
    updated_at  timestamptz not null
);
create index payout_status on payout (status);
