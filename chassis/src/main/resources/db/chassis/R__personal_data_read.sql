-- Who read unmasked personal data, and when (PIPL): one row per customer for every such answer to a person, written
-- by PersonalDataReads. Repeatable and idempotent: it runs after a service's own migrations, so a schema that made
-- the table itself (customer-service, V2) keeps it as it is.
create table if not exists personal_data_read (
    id             bigint generated always as identity primary key,
    actor          text        not null,
    actor_roles    text        not null,
    customer_id    uuid        not null,
    action         text        not null,
    occurred_at    timestamptz not null,
    correlation_id text
);
create index if not exists personal_data_read_customer on personal_data_read (customer_id, occurred_at desc);
