-- who read unmasked personal data, and when (PIPL): written for every such answer to a person (chassis
-- PersonalDataReads; the same table in every schema that answers with personal data)
create table personal_data_read (
    id             bigint generated always as identity primary key,
    actor          text        not null,
    actor_roles    text        not null,
    customer_id    uuid        not null,
    action         text        not null,
    occurred_at    timestamptz not null,
    correlation_id text
);
create index personal_data_read_customer on personal_data_read (customer_id, occurred_at desc);
