-- Chassis tables, created in every service's own schema. Chassis migrations are numbered 0.x so they sort
-- before the service's own (1, 2, ...); services run Flyway with out-of-order on so a later 0.x still applies.

-- Events written in the business transaction; the relay publishes them to Kafka and marks them published.
create table outbox_event (
    id           uuid        primary key,          -- the CloudEvent id
    seq          bigint      generated always as identity unique, -- publication order
    topic        text        not null,
    type         text        not null,
    source       text        not null,
    subject      text        not null,              -- the record key: a customer id
    dataschema   text,
    occurred_at  timestamptz not null,
    payload      json        not null,             -- json, not jsonb: published byte for byte as written
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index outbox_event_subject on outbox_event (subject);

-- Events a consumer has applied: claimed insert-first in the same transaction as the effect.
create table inbox_message (
    consumer    text        not null,
    event_id    text        not null,
    received_at timestamptz not null,
    primary key (consumer, event_id)
);
