-- Where SMS and WeChat messages go: a provider's webhook per channel, set by an ADMIN; the secret signs each request.
create table delivery_provider (
    channel    text primary key,
    url        text not null,
    secret     text not null,
    timeout_ms int not null,
    updated_by text not null,
    updated_at timestamptz not null
);

-- What the provider reported back about a message it took (DELIVERED or FAILED at the handset).
alter table care_message add column receipt_status text;
alter table care_message add column receipt_error text;
alter table care_message add column receipt_at timestamptz;
