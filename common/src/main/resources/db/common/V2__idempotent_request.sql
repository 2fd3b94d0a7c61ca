-- Idempotency keys of requests whose retries must not act twice (common's IdempotentRequests): the
-- first request with a key claims it, its answer is kept for 24 h and replayed to retries.
create table idempotent_request (
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
