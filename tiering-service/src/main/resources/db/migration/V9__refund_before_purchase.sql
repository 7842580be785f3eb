-- A refund can reach tiering before its purchase (a replay, a merge of two customers' streams). It then waits in a
-- row with no purchase time yet, in the refund's month; when the purchase arrives, the refund moves to the
-- purchase's month, so the result does not depend on the order of arrival.
alter table purchase_fact alter column purchased_at drop not null;
