-- Mobile-money subscriptions: no wallet renews on its own, so the platform does. It sends a request
-- to pay before each period ends, retries a failed one on a schedule (dunning) and ends the
-- subscription when the grace after the period runs out. Card subscriptions leave these empty:
-- Stripe Billing renews and retries them.
alter table subscriptions add column wallet varchar(40);
alter table subscriptions add column payer_phone varchar(16);
alter table subscriptions add constraint subscriptions_payer_of_mobile_money
    check ((provider = 'MOBILE_MONEY') = (wallet is not null and payer_phone is not null));
-- when the next request to pay is due; null while one waits for the payer, or when none will be sent
alter table subscriptions add column renewal_due_at timestamptz;
-- the request to pay now waiting for the payer (a transaction of kind SUBSCRIPTION)
alter table subscriptions add column renewal_payment_id uuid;
-- failed requests since the last paid period: they pick the next retry, and the grace ends the rest
alter table subscriptions add column renewal_attempts int not null default 0 check (renewal_attempts >= 0);
-- the period end the viewer was last warned about (subscription.expiring_soon is sent once per period)
alter table subscriptions add column expiry_warned_for timestamptz;

create index subscriptions_renewals_due on subscriptions (renewal_due_at)
    where provider = 'MOBILE_MONEY' and renewal_due_at is not null;
-- the sweep's other questions are about live subscriptions nearing or past their period's end
create index subscriptions_live_period_end on subscriptions (current_period_end)
    where status in ('TRIALING', 'ACTIVE', 'PAST_DUE');

-- Changing plan: a move to a cheaper plan waits for the renewal (the period paid for keeps what was
-- paid for); a move to a dearer one by mobile money waits for the payer to approve the difference.
alter table subscriptions add column next_plan_code varchar(40);
alter table subscriptions add column upgrade_plan_code varchar(40);
alter table subscriptions add column upgrade_payment_id uuid;
alter table subscriptions add constraint subscriptions_upgrade_whole
    check ((upgrade_plan_code is null) = (upgrade_payment_id is null));
