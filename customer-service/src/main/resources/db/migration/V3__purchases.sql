-- Purchases and refunds (domain.md §2, activity). An external order id is recorded once: a retry changes nothing.
create table purchase (
    id                uuid          primary key,
    customer_id       uuid          not null references customer (id),
    external_order_id text          not null unique,
    amount            numeric(19,2) not null check (amount > 0),
    refunded_amount   numeric(19,2) not null default 0,
    currency          char(3)       not null,
    purchased_at      timestamptz   not null,
    product_category  text,
    channel           text,
    recorded_at       timestamptz   not null,
    version           bigint        not null,
    constraint purchase_refunds_within_amount check (refunded_amount >= 0 and refunded_amount <= amount)
);
create index purchase_customer on purchase (customer_id, purchased_at desc, id desc);

create table refund (
    id                 uuid          primary key,
    purchase_id        uuid          not null references purchase (id),
    external_refund_id text          not null unique,
    amount             numeric(19,2) not null check (amount > 0),
    refunded_at        timestamptz   not null,
    reason             text,
    recorded_at        timestamptz   not null
);
create index refund_purchase on refund (purchase_id, refunded_at);
