-- A coupon on a subscription takes its amount off the first period that is paid (a trial pays
-- nothing, so the period after it). The subscription holds the coupon's use from the start: REDEEMED
-- when it starts, RELEASED when it never does, as a payment holds one.
alter table coupon_redemptions drop constraint coupon_redemptions_pkey;
alter table coupon_redemptions alter column transaction_id drop not null;
alter table coupon_redemptions add column subscription_id uuid;
alter table coupon_redemptions add constraint coupon_redemptions_of_one
    check ((transaction_id is null) <> (subscription_id is null));
create unique index coupon_redemptions_of_transaction on coupon_redemptions (transaction_id)
    where transaction_id is not null;
create unique index coupon_redemptions_of_subscription on coupon_redemptions (subscription_id)
    where subscription_id is not null;

alter table subscriptions add column coupon_code varchar(40);
-- what the coupon still takes off the first paid period; null once that period is paid
alter table subscriptions add column coupon_amount_off bigint check (coupon_amount_off > 0);
