-- What each tier grants (tier.changed's benefits), for the birthday greeting's offer.
alter table care_customer_tier add column benefits jsonb;
