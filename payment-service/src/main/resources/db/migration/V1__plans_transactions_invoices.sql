-- Subscription plans: what a subscriber gets, and what it costs in each currency.
create table plans (
    id          uuid primary key,
    code        varchar(40)  not null unique,
    name        varchar(80)  not null,
    description varchar(500),
    billing_interval varchar(8) not null check (billing_interval in ('MONTH', 'YEAR')),
    trial_days  integer      not null check (trial_days between 0 and 90),
    max_streams integer      not null check (max_streams between 1 and 10),
    max_quality varchar(8)   not null check (max_quality in ('480p', '720p', '1080p', '2160p')),
    with_ads    boolean      not null,
    -- a retired plan takes no new subscribers; the ones on it stay
    retired_at  timestamptz,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

create table plan_prices (
    plan_id  uuid       not null references plans (id),
    currency varchar(3) not null check (currency in ('PGK', 'USD')),
    amount   bigint     not null check (amount > 0),
    primary key (plan_id, currency)
);

insert into plans (id, code, name, description, billing_interval, trial_days, max_streams, max_quality, with_ads,
                   created_at, updated_at)
values ('5f0d7c3e-6f0a-4c1e-9a61-0b6c1d2e3f01', 'basic', 'Basic',
        'Every SVOD film on one screen at a time, in SD, with a short ad break now and then', 'MONTH', 7, 1,
        '480p', true, now(), now()),
       ('5f0d7c3e-6f0a-4c1e-9a61-0b6c1d2e3f02', 'standard', 'Standard',
        'Every SVOD film in full HD on two screens at once, no ads', 'MONTH', 7, 2, '1080p', false, now(), now()),
       ('5f0d7c3e-6f0a-4c1e-9a61-0b6c1d2e3f03', 'premium-yearly', 'Premium (yearly)',
        'Every SVOD film in 4K on four screens at once, no ads, paid once a year', 'YEAR', 14, 4, '2160p', false,
        now(), now());

insert into plan_prices (plan_id, currency, amount)
values ('5f0d7c3e-6f0a-4c1e-9a61-0b6c1d2e3f01', 'PGK', 1500),
       ('5f0d7c3e-6f0a-4c1e-9a61-0b6c1d2e3f01', 'USD', 399),
       ('5f0d7c3e-6f0a-4c1e-9a61-0b6c1d2e3f02', 'PGK', 2900),
       ('5f0d7c3e-6f0a-4c1e-9a61-0b6c1d2e3f02', 'USD', 799),
       ('5f0d7c3e-6f0a-4c1e-9a61-0b6c1d2e3f03', 'PGK', 39900),
       ('5f0d7c3e-6f0a-4c1e-9a61-0b6c1d2e3f03', 'USD', 9900);

-- One purchase of a film (or one paid subscription period): the price comes from rights-service's
-- offer, never from the client. Status only moves forward (see Transaction.Status).
create table transactions (
    id               uuid primary key,
    user_id          uuid         not null,
    kind             varchar(16)  not null
        check (kind in ('RENTAL', 'PURCHASE', 'PPV_TICKET', 'COLLECTOR', 'SUBSCRIPTION')),
    film_id          uuid,
    window_id        uuid,
    subscription_id  uuid,
    territory        varchar(2)   not null,
    currency         varchar(3)   not null check (currency in ('PGK', 'USD')),
    list_amount      bigint       not null check (list_amount > 0),
    discount_amount  bigint       not null default 0 check (discount_amount >= 0),
    amount           bigint       not null check (amount > 0),
    gst_amount       bigint       not null check (gst_amount >= 0),
    provider         varchar(16)  not null check (provider in ('STRIPE', 'MOBILE_MONEY')),
    -- the provider's id for the attempt: a PaymentIntent (pi_...) or a request-to-pay reference
    provider_ref     varchar(255),
    client_secret    varchar(255),
    status           varchar(20)  not null
        check (status in ('PENDING', 'FAILED', 'EXPIRED', 'SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    refunded_amount  bigint       not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
    failure_code     varchar(80),
    failure_message  varchar(500),
    expires_at       timestamptz  not null,
    succeeded_at     timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    constraint transactions_amount_after_discount check (amount = list_amount - discount_amount),
    constraint transactions_film_kinds check (kind = 'SUBSCRIPTION' or film_id is not null)
);
create unique index transactions_provider_ref on transactions (provider, provider_ref) where provider_ref is not null;
create index transactions_user on transactions (user_id, created_at desc);
-- one unfinished purchase of a thing per viewer: a second "buy" while the first waits for the payer
-- would charge twice
create unique index transactions_one_open_purchase on transactions (user_id, film_id, kind)
    where status = 'PENDING' and film_id is not null;
-- the expiry sweep looks only at what is still open
create index transactions_pending on transactions (expires_at) where status = 'PENDING';

-- Stripe-style idempotency: the first answer to a key is kept 24 hours and replayed to retries.
create table idempotent_requests (
    user_id       uuid         not null,
    idem_key      varchar(255) not null,
    request_hash  varchar(64)  not null,
    completed     boolean      not null default false,
    -- a running request holds the key until then; after it, a retry may take over (a crashed instance)
    claimed_until timestamptz  not null,
    status        integer,
    content_type  varchar(100),
    location      varchar(500),
    body          text,
    created_at    timestamptz  not null,
    primary key (user_id, idem_key)
);
create index idempotent_requests_age on idempotent_requests (created_at);

-- Every message a provider sent, stored before it is acted on, once per provider event id.
create table provider_messages (
    provider     varchar(16)  not null,
    message_id   varchar(255) not null,
    type         varchar(100) not null,
    payload      text         not null,
    received_at  timestamptz  not null,
    processed_at timestamptz,
    outcome      varchar(500),
    primary key (provider, message_id)
);

-- Invoices: one per captured payment, numbered without gaps per year (invoice_counters is bumped in
-- the invoice's own transaction, so a rollback leaves no gap and a row lock orders concurrent ones).
create table invoice_counters (
    year     integer primary key,
    last_seq integer not null
);

create table invoices (
    id             uuid primary key,
    number         varchar(20)  not null unique,
    year           integer      not null,
    seq            integer      not null,
    transaction_id uuid         not null unique references transactions (id),
    user_id        uuid         not null,
    description    varchar(300) not null,
    currency       varchar(3)   not null,
    amount         bigint       not null,
    gst_amount     bigint       not null,
    issued_at      timestamptz  not null,
    unique (year, seq)
);
create index invoices_user on invoices (user_id, issued_at desc);
