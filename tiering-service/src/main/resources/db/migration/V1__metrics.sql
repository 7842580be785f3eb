-- The metrics projection: what tiering knows about each customer, built only from events (customer.events,
-- complaint.events). Spend is kept in monthly buckets (business time zone) so trailing windows stay exact as
-- months age out; individual purchases are kept so a refund lands in its purchase's month.

create table customer_metrics (
    customer_id       uuid        primary key,
    registered_at     timestamptz,
    uses_competitor   boolean     not null default false,
    inquiries_total   integer     not null default 0,
    last_inquiry_at   timestamptz,
    merged_into       uuid,                        -- this id was merged: its events count for the survivor
    erased_at         timestamptz,
    updated_at        timestamptz not null
);

create table spend_month (
    customer_id uuid          not null,
    month       date          not null,            -- first day of the month, business time zone
    purchases   integer       not null default 0,
    gross       numeric(19,2) not null default 0,
    refunded    numeric(19,2) not null default 0,
    primary key (customer_id, month)
);

create table purchase_fact (
    purchase_id  uuid          primary key,
    customer_id  uuid          not null,
    month        date          not null,
    purchased_at timestamptz   not null,
    amount       numeric(19,2) not null,
    refunded     numeric(19,2) not null default 0
);
create index purchase_fact_customer on purchase_fact (customer_id, purchased_at);

-- who referred whom (转介绍): the referrer's referral count is a metric
create table referral (
    referred_customer_id uuid primary key,
    referrer_id          uuid not null
);
create index referral_referrer on referral (referrer_id);

-- complaints as complaint.events describe them (filed, resolved, closed, reopened, rated)
create table complaint_fact (
    complaint_id uuid        primary key,
    customer_id  uuid        not null,
    severity     text,
    filed_at     timestamptz not null,
    open         boolean     not null,
    rating       smallint
);
create index complaint_fact_customer on complaint_fact (customer_id);
