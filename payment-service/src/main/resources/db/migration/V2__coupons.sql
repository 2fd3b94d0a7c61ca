-- Coupons: a percentage or a fixed amount per currency off what a viewer buys.
create table coupons (
    id               uuid primary key,
    code             varchar(40)  not null unique,
    description      varchar(300),
    percent_off      integer check (percent_off between 1 and 100),
    -- which purchase kinds it applies to; subscriptions may be narrowed to plans
    applies_to       text[]       not null,
    plan_codes       text[]       not null default '{}',
    valid_from       timestamptz  not null,
    valid_until      timestamptz,
    max_redemptions  integer check (max_redemptions > 0),
    max_per_user     integer      not null default 1 check (max_per_user > 0),
    -- redemptions held by unfinished payments count too, so the last one cannot be sold twice
    redeemed_count   integer      not null default 0 check (redeemed_count >= 0),
    disabled_at      timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    constraint coupons_within_limit check (max_redemptions is null or redeemed_count <= max_redemptions),
    constraint coupons_valid_span check (valid_until is null or valid_until > valid_from)
);

create table coupon_amounts (
    coupon_id  uuid       not null references coupons (id),
    currency   varchar(3) not null check (currency in ('PGK', 'USD')),
    amount_off bigint     not null check (amount_off > 0),
    primary key (coupon_id, currency)
);

-- One use of a coupon by one payment: HELD while the payment is open, REDEEMED when it is
-- captured, RELEASED (and given back to the coupon's count) when it fails or expires.
create table coupon_redemptions (
    transaction_id uuid        primary key references transactions (id),
    coupon_id      uuid        not null references coupons (id),
    user_id        uuid        not null,
    status         varchar(10) not null check (status in ('HELD', 'REDEEMED', 'RELEASED')),
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index coupon_redemptions_by_user on coupon_redemptions (coupon_id, user_id) where status <> 'RELEASED';

alter table transactions add column coupon_code varchar(40);
