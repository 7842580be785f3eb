-- Inquiries (咨询记录) and feedback (反馈): a customer with inquiries and no purchase is a potential customer.
create table inquiry (
    id          uuid        primary key,
    customer_id uuid        not null references customer (id),
    kind        text        not null check (kind in ('INQUIRY', 'FEEDBACK')),
    channel     text,
    topic       text,
    content     text,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null,
    recorded_by text        not null
);
create index inquiry_customer on inquiry (customer_id, occurred_at desc, id desc);

-- Marketing consent per channel (PIPL), kept as history: the newest row per channel is the current state.
create table consent (
    id          bigint generated always as identity primary key,
    customer_id uuid        not null references customer (id),
    channel     text        not null check (channel in ('SMS', 'EMAIL', 'PHONE', 'WECHAT')),
    granted     boolean     not null,
    source      text        not null,
    changed_at  timestamptz not null,
    recorded_at timestamptz not null
);
create index consent_customer on consent (customer_id, channel, changed_at desc, id desc);
