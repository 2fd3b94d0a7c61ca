-- Refunds of mobile-money payments, given back through the wallet's disbursement API. A card's refunds
-- are Stripe's to count (charge.refunded says the total); a wallet's are counted here: each is asked
-- under its own reference, polled until the wallet settles it, and only SUCCEEDED ones count.
create table mobile_money_refunds (
    id             uuid primary key,
    transaction_id uuid         not null references transactions (id),
    reference      uuid         not null unique,
    amount         bigint       not null check (amount > 0),
    status         varchar(16)  not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    reason         varchar(500) not null,
    failure_code   varchar(80),
    requested_by   uuid         not null,
    created_at     timestamptz  not null,
    settled_at     timestamptz
);
create index mobile_money_refunds_of_payment on mobile_money_refunds (transaction_id);
create index mobile_money_refunds_pending on mobile_money_refunds (id) where status = 'PENDING';
