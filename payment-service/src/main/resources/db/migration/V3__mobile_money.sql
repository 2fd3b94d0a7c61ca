-- Mobile-money payments: the wallet the payer chose (its provider is asked and polled by that name).
-- provider_ref holds the request-to-pay reference, derived from the transaction id and recorded with the
-- payment, before the wallet is asked: a retried request re-sends the same reference, and a request the
-- wallet got while our connection broke is still found by polling it.
alter table transactions add column wallet varchar(40);
alter table transactions add constraint transactions_wallet_of_mobile_money
    check ((provider = 'MOBILE_MONEY') = (wallet is not null));

-- the reconciliation walks the requests still waiting for a payer, in id order
create index transactions_pending_mobile_money on transactions (id)
    where status = 'PENDING' and provider = 'MOBILE_MONEY';
