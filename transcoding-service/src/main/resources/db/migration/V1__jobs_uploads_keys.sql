-- Transcoding jobs: one row per attempt to turn a master into encrypted HLS/DASH. Workers move a job
-- through its states with conditional updates guarded by lease_token, so a job whose worker died
-- can be taken over once its lease expires, and a job never completes twice.
create table transcoding_jobs (
    id                  uuid primary key,
    film_id             uuid not null,
    creator_id          uuid not null,
    source_bucket       varchar(63) not null,
    source_key          varchar(1024) not null,
    requested_rungs     varchar(100) not null default '',
    status              varchar(16) not null
        check (status in ('QUEUED', 'PROBING', 'TRANSCODING', 'PACKAGING', 'UPLOADING', 'COMPLETED', 'FAILED',
                          'CANCELLED')),
    progress            smallint not null default 0 check (progress between 0 and 100),
    attempts            integer not null default 0 check (attempts >= 0),
    max_attempts        integer not null check (max_attempts > 0),
    lease_token         uuid,
    lease_expires_at    timestamptz,
    worker_id           varchar(100),
    executor            varchar(16) not null default 'INTERNAL' check (executor in ('INTERNAL', 'EXTERNAL')),
    failure_reason      varchar(500),
    failure_log         text,
    source_info         jsonb,
    outputs             jsonb,
    duration_seconds    double precision,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    started_at          timestamptz,
    finished_at         timestamptz,
    completion_event_id uuid
);

create index transcoding_jobs_by_creator on transcoding_jobs (creator_id, created_at desc);
create index transcoding_jobs_by_film on transcoding_jobs (film_id, created_at desc);
-- one running job per film: two concurrent starts cannot both transcode the same film
create unique index transcoding_jobs_one_active_per_film on transcoding_jobs (film_id)
    where status in ('QUEUED', 'PROBING', 'TRANSCODING', 'PACKAGING', 'UPLOADING');

-- A master being uploaded straight from the browser to storage in parts (S3 multipart upload).
create table master_uploads (
    id              uuid primary key,
    film_id         uuid not null,
    creator_id      uuid not null,
    bucket          varchar(63) not null,
    object_key      varchar(1024) not null unique,
    upload_id       varchar(1024) not null,
    file_name       varchar(255) not null,
    content_type    varchar(100) not null,
    size_bytes      bigint not null check (size_bytes > 0),
    part_size       bigint not null check (part_size > 0),
    part_count      integer not null check (part_count between 1 and 10000),
    requested_rungs varchar(100) not null default '',
    status          varchar(16) not null check (status in ('OPEN', 'COMPLETED', 'ABORTED')),
    job_id          uuid references transcoding_jobs (id),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    completed_at    timestamptz
);

create index master_uploads_by_creator on master_uploads (creator_id, created_at desc);

-- Per-film content keys, wrapped (AES-256-GCM) under the configured master key. Never in the media bucket.
create table content_keys (
    film_id     uuid primary key,
    key_id      uuid not null unique,
    wrapped_key bytea not null,
    nonce       bytea not null,
    created_at  timestamptz not null
);

-- Webhook deliveries already applied, per external worker: a resent delivery changes nothing.
create table webhook_deliveries (
    worker_id   varchar(100) not null,
    delivery_id varchar(100) not null,
    job_id      uuid not null,
    received_at timestamptz not null,
    primary key (worker_id, delivery_id)
);
