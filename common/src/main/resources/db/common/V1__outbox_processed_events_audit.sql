-- Tables every service owns in its own schema. Written by common, migrated before the
-- service's own scripts (history in platform_schema_history).

-- Domain events written in the same transaction as the change they describe; the relay
-- publishes unpublished rows to Redis Streams and stamps published_at.
create table outbox_event (
    id           uuid primary key,
    type         varchar(100) not null,
    version      integer      not null,
    occurred_at  timestamptz  not null,
    envelope     jsonb        not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (occurred_at) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- Events this service has handled, per consumer: delivery is at least once, handling is once.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- Critical operations: who, what, when, from where.
create table audit_log (
    id          uuid primary key,
    occurred_at timestamptz  not null,
    actor_id    varchar(64)  not null,
    actor_roles varchar(200) not null,
    action      varchar(100) not null,
    target      varchar(200),
    details     jsonb        not null default '{}'::jsonb,
    client_ip   varchar(64),
    trace_id    varchar(64)
);
create index audit_log_actor on audit_log (actor_id, occurred_at desc);
create index audit_log_action on audit_log (action, occurred_at desc);
