-- identity-service: accounts, signing keys, sessions and their refresh tokens, devices,
-- profiles, one-time codes, creator applications, wallets.

create table users (
    id                uuid primary key,
    -- stored normalised (lower case), so the plain unique index is case-insensitive
    email             varchar(254) check (email = lower(email)),
    email_verified_at timestamptz,
    -- E.164, for example +67571234567
    phone             varchar(16) check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    phone_verified_at timestamptz,
    -- null for accounts that only sign in with a wallet
    password_hash     varchar(200),
    roles             varchar(100) not null,
    status            varchar(16)  not null check (status in ('ACTIVE', 'DISABLED')),
    disabled_at       timestamptz,
    disabled_reason   varchar(500),
    created_at        timestamptz  not null,
    last_login_at     timestamptz,
    version           bigint       not null default 0
);
create unique index users_email_unique on users (email);
create unique index users_phone_unique on users (phone);
create index users_created on users (created_at desc);

create table profiles (
    user_id          uuid primary key references users (id) on delete cascade,
    display_name     varchar(80)  not null,
    avatar_key       varchar(512),
    country          varchar(2),
    language         varchar(8)   not null,
    preferred_genres text[]       not null default '{}',
    maturity_limit   varchar(8)   not null,
    updated_at       timestamptz  not null
);

-- RSA key pairs that sign access tokens. The private key is AES-GCM encrypted under the
-- configured key-encryption key. At most one CURRENT (signs) and one PREVIOUS (still verifies).
create table signing_keys (
    kid                   varchar(64) primary key,
    algorithm             varchar(10) not null,
    public_key            bytea       not null,
    private_key_encrypted bytea       not null,
    status                varchar(10) not null check (status in ('CURRENT', 'PREVIOUS', 'RETIRED')),
    created_at            timestamptz not null,
    retired_at            timestamptz
);
create unique index signing_keys_one_current on signing_keys (status) where status = 'CURRENT';
create unique index signing_keys_one_previous on signing_keys (status) where status = 'PREVIOUS';

create table devices (
    id            uuid primary key,
    user_id       uuid         not null references users (id) on delete cascade,
    fingerprint   varchar(200) not null,
    name          varchar(100) not null,
    type          varchar(10)  not null check (type in ('WEB', 'MOBILE', 'TV')),
    registered_at timestamptz  not null,
    last_seen_at  timestamptz  not null,
    constraint devices_one_per_fingerprint unique (user_id, fingerprint)
);

create table sessions (
    id            uuid primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    device_id     uuid        references devices (id) on delete set null,
    sign_in_method varchar(16) not null,
    user_agent    varchar(300),
    ip_address    varchar(64),
    created_at    timestamptz not null,
    last_seen_at  timestamptz not null,
    revoked_at    timestamptz,
    revoke_reason varchar(40)
);
create index sessions_user_active on sessions (user_id) where revoked_at is null;
create index sessions_device on sessions (device_id);

-- Every refresh token ever issued for a session (its family), kept so that a used one is
-- recognised when presented again. Only the SHA-256 of the token is stored.
create table refresh_tokens (
    id         uuid primary key,
    session_id uuid        not null references sessions (id) on delete cascade,
    token_hash bytea       not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create unique index refresh_tokens_hash on refresh_tokens (token_hash);
create index refresh_tokens_session on refresh_tokens (session_id);

-- Verification and password-reset codes; only a keyed hash of the code is stored.
create table one_time_codes (
    id           uuid primary key,
    user_id      uuid         not null references users (id) on delete cascade,
    purpose      varchar(20)  not null check (purpose in ('VERIFY_CONTACT', 'RESET_PASSWORD')),
    channel      varchar(8)   not null check (channel in ('EMAIL', 'SMS')),
    destination  varchar(254) not null,
    code_hash    bytea        not null,
    status       varchar(12)  not null check (status in ('OPEN', 'USED', 'SUPERSEDED', 'EXHAUSTED')),
    attempts     integer      not null default 0,
    max_attempts integer      not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    closed_at    timestamptz
);
create index one_time_codes_open on one_time_codes (user_id, purpose, channel) where status = 'OPEN';

create table creator_applications (
    id            uuid primary key,
    user_id       uuid         not null references users (id) on delete cascade,
    pitch         varchar(1000) not null,
    portfolio_url varchar(500),
    status        varchar(10)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    submitted_at  timestamptz  not null,
    decided_at    timestamptz,
    decided_by    uuid,
    decision_note varchar(500)
);
create unique index creator_applications_one_pending on creator_applications (user_id) where status = 'PENDING';
create index creator_applications_status on creator_applications (status, submitted_at);

-- Ethereum addresses (lower case 0x...) that sign in to an account with EIP-4361.
create table wallets (
    address   varchar(42) primary key check (address ~ '^0x[0-9a-f]{40}$'),
    user_id   uuid        not null references users (id) on delete cascade,
    linked_at timestamptz not null
);
create index wallets_user on wallets (user_id);
