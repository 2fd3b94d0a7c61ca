-- Refunds remembered by transaction: payment.refunded and payment.succeeded travel on different
-- streams, so a refund can be handled before the grant it undoes; the grant then finds it here.
create table refunded_payments (
    transaction_id uuid primary key,
    refunded_at    timestamptz not null
);
