-- Subscriptions: a viewer on a plan, paid each period. Card subscriptions are Stripe Billing's,
-- renewed, invoiced and retried by Stripe; this table follows them from Stripe's messages.
create table subscriptions (
    id                   uuid primary key,
    user_id              uuid         not null,
    plan_code            varchar(40)  not null,
    currency             varchar(3)   not null check (currency in ('PGK', 'USD')),
    amount               bigint       not null check (amount > 0),
    territory            varchar(2)   not null,
    provider             varchar(16)  not null check (provider in ('STRIPE', 'MOBILE_MONEY')),
    -- Stripe's subscription (sub_...)
    provider_ref         varchar(255),
    status               varchar(16)  not null
        check (status in ('INCOMPLETE', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'EXPIRED')),
    trial_ends_at        timestamptz,
    current_period_start timestamptz,
    current_period_end   timestamptz,
    cancel_at_period_end boolean      not null default false,
    ended_reason         varchar(40),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);
-- one live subscription per viewer: a second would pay twice for the same films
create unique index subscriptions_one_live on subscriptions (user_id)
    where status in ('INCOMPLETE', 'TRIALING', 'ACTIVE', 'PAST_DUE');
create unique index subscriptions_provider_ref on subscriptions (provider, provider_ref) where provider_ref is not null;

-- The Stripe customer of each viewer who pays by card for a subscription.
create table stripe_customers (
    user_id     uuid primary key,
    customer_id varchar(255) not null unique,
    created_at  timestamptz  not null
);

-- A trial's period is a payment of nothing that still grants the subscription until the trial ends.
alter table transactions drop constraint transactions_amount_check;
alter table transactions add constraint transactions_amount_check check (amount > 0 or (kind = 'SUBSCRIPTION' and amount = 0));
alter table transactions drop constraint transactions_list_amount_check;
alter table transactions add constraint transactions_list_amount_check check (list_amount > 0 or (kind = 'SUBSCRIPTION' and list_amount = 0));
