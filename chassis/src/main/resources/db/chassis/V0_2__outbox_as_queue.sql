-- The outbox becomes a pure queue: the relay deletes rows once Kafka has acknowledged them (Kafka is the archive).
-- Only unpublished rows remain, so the table stays small and each append maintains two indexes instead of five.
delete from outbox_event where published_at is not null;
drop index if exists outbox_event_pending;
drop index if exists outbox_event_published;
drop index if exists outbox_event_subject;
alter table outbox_event drop column published_at;
