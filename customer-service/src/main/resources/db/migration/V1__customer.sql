create table customer (
    id            uuid        primary key,
    type          text        not null check (type in ('INDIVIDUAL', 'ENTERPRISE')),
    name          text        not null,
    mobile_phone  text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null
);
-- no two live customers share a mobile phone (domain.md §2, data quality)
create unique index customer_mobile_phone_unique on customer (mobile_phone);
