-- Customers as customer.events and tier.events describe them: whether a complaint may be filed for them, who
-- their account manager is, and the VALUE tier that chooses the SLA (CORE: the after-sales green channel).
create table customer_ref (
    customer_id        uuid primary key,
    registered         boolean not null default false, -- customer.registered seen (tier events may come first)
    account_manager_id text,
    value_tier         text,
    merged_into        uuid,
    erased_at          timestamptz,
    updated_at         timestamptz not null
);

-- The complaint taxonomy: a tree per taxonomy, maintained through the API.
create table complaint_category (
    code        text primary key check (code ~ '^[A-Z0-9_.-]{1,64}$'),
    taxonomy    text not null,
    parent_code text references complaint_category (code),
    name_zh     text not null,
    name_en     text not null,
    description text,
    active      boolean not null default true,
    version     bigint not null default 0
);
create index complaint_category_parent on complaint_category (parent_code);

-- SLA policies as data, versioned; the newest applies to complaints filed from then on.
create table sla_policy (
    version    integer primary key,
    definition jsonb not null,
    note       text,
    created_by text not null,
    created_at timestamptz not null
);

-- The working-day calendar's exceptions to "Monday to Friday": public holidays (working = false) and the adjusted
-- working days on a weekend (调休, working = true).
create table calendar_day (
    day     date primary key,
    working boolean not null,
    name    text not null
);

create table complaint (
    id                 uuid primary key,
    customer_id        uuid not null,
    channel            text not null,
    category_code      text not null references complaint_category (code),
    severity           text not null,
    title              text not null,
    description        text,
    contact            text,
    occurred_at        timestamptz,
    filed_at           timestamptz not null,
    filed_by           text not null,
    idempotency_key    text unique,
    request_hash       text,
    status             text not null,
    status_before_wait text,
    customer_tier      text,
    sla_policy_version integer not null references sla_policy (version),
    sla_clock          text not null,
    assignee           text,
    team               text,
    paused_since       timestamptz,
    paused_seconds     bigint not null default 0,
    resolved_at        timestamptz,
    closed_at          timestamptz,
    reopen_count       integer not null default 0,
    rated              boolean not null default false,
    anonymised_at      timestamptz,
    version            bigint not null default 0
);
create index complaint_customer on complaint (customer_id, filed_at desc);
create index complaint_filed on complaint (filed_at desc, id);
create index complaint_resolved on complaint (resolved_at) where status = 'RESOLVED';

-- Each complaint's SLA milestones; a reopen adds a new resolve milestone (round 2, 3, …).
create table complaint_milestone (
    id                uuid primary key,
    complaint_id      uuid not null references complaint (id),
    kind              text not null check (kind in ('ACKNOWLEDGE', 'PLAN', 'RESOLVE')),
    round             integer not null,
    target_seconds    bigint not null,
    started_at        timestamptz not null,
    due_at            timestamptz,           -- null while paused
    remaining_seconds bigint,                -- set while paused: what was left on the clock
    met_at            timestamptz,
    breached_at       timestamptz,
    at_risk_at        timestamptz,
    escalation_level  integer not null default 0,
    unique (complaint_id, kind, round)
);
create index complaint_milestone_open on complaint_milestone (due_at) where met_at is null and due_at is not null;

-- The timeline: every action, who, when, what.
create table complaint_action (
    id           uuid primary key,
    complaint_id uuid not null references complaint (id),
    action       text not null,
    actor        text not null,
    at           timestamptz not null,
    from_status  text,
    to_status    text,
    note         text
);
create index complaint_action_complaint on complaint_action (complaint_id, at, id);
