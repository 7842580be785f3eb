-- Tier schemes and their versioned policies (definitions are data: see PolicyDefinition), each customer's current
-- tier per scheme with the explanation of the last evaluation, and the history of every change.

create table tier_scheme (
    code            text        primary key,
    name            text        not null,
    kind            text        not null check (kind in ('RANKED', 'STAGES')),
    description     text,
    current_version integer     not null,
    updated_at      timestamptz not null
);

create table tier_policy (
    scheme_code text        not null references tier_scheme (code),
    version     integer     not null,
    definition  jsonb       not null,
    note        text,
    created_by  text        not null,
    created_at  timestamptz not null,
    primary key (scheme_code, version)
);

create table customer_tier (
    customer_id    uuid        not null,
    scheme_code    text        not null references tier_scheme (code),
    tier           text        not null,
    since          timestamptz not null,
    policy_version integer     not null,
    score          numeric(6,2),
    explanation    jsonb       not null,           -- the last evaluation: rule, breakdown, next tier, requirements
    pending_tier   text,                           -- a lower tier waiting for its downgrade date
    downgrade_at   timestamptz,
    warning_at     timestamptz,
    warned         boolean     not null default false,
    evaluated_at   timestamptz not null,
    primary key (customer_id, scheme_code)
);
create index customer_tier_scheme on customer_tier (scheme_code, tier);
create index customer_tier_due on customer_tier (downgrade_at) where pending_tier is not null;

create table tier_history (
    id             bigint      generated always as identity primary key,
    customer_id    uuid        not null,
    scheme_code    text        not null,
    from_tier      text,
    to_tier        text        not null,
    direction      text        not null check (direction in ('INITIAL', 'UP', 'DOWN', 'LATERAL')),
    reason         text        not null,
    policy_version integer     not null,
    score          numeric(6,2),
    changed_at     timestamptz not null,
    explanation    text        not null
);
create index tier_history_customer on tier_history (customer_id, changed_at desc, id desc);
