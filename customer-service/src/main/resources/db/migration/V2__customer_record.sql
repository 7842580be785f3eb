-- The full customer record (domain.md §2): identity, contact, business and care fields, lifecycle of the record.
alter table customer
    alter column mobile_phone drop not null,
    add column gender             text check (gender in ('MALE', 'FEMALE', 'UNDISCLOSED')),
    add column birthday           date,
    add column email              text,
    add column province           text,
    add column city               text,
    add column address            text,
    add column industry           text,
    add column company_scale      text check (company_scale in ('LARGE', 'MEDIUM', 'SMALL')),
    add column source_channel     text,
    add column tags               varchar[] not null default '{}',
    add column referred_by        uuid    references customer (id),
    add column uses_competitor    boolean not null default false,
    add column account_manager_id text,
    add column preferred_channel  text check (preferred_channel in ('SMS', 'EMAIL', 'PHONE', 'WECHAT')),
    add column contact_windows    jsonb   not null default '[]',
    add column do_not_disturb     boolean not null default false,
    add column status             text    not null default 'ACTIVE' check (status in ('ACTIVE', 'MERGED', 'ERASED')),
    add column merged_into        uuid    references customer (id),
    add column erased_at          timestamptz,
    add constraint customer_has_contact check (status <> 'ACTIVE' or mobile_phone is not null or email is not null);

-- no two live customers share a phone or an email; merged and erased records no longer count
drop index customer_mobile_phone_unique;
create unique index customer_live_mobile_phone on customer (mobile_phone) where status = 'ACTIVE';
create unique index customer_live_email on customer (email) where status = 'ACTIVE';

create index customer_listing on customer (created_at desc, id desc);
create index customer_name_prefix on customer (name text_pattern_ops);
create index customer_account_manager on customer (account_manager_id, created_at desc, id desc);
create index customer_region on customer (province, city);
create index customer_tags on customer using gin (tags);
create index customer_name_birthday on customer (name, birthday) where birthday is not null;

-- who read unmasked personal data, and when (PIPL): written for every such read by a person
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
create index personal_data_read_actor on personal_data_read (actor, occurred_at desc);
create index personal_data_read_time on personal_data_read (occurred_at desc, id desc);
