-- Manual overrides (a tier set by a person, with reason and expiry; the rows are the audit trail) and appeals (申诉)
-- against a tier change, decided by a second person.
create table tier_override (
    id          uuid        primary key,
    customer_id uuid        not null,
    scheme_code text        not null references tier_scheme (code),
    tier        text        not null,
    reason      text        not null,
    expires_at  timestamptz not null,
    created_by  text        not null,
    created_at  timestamptz not null,
    ended_at    timestamptz,
    ended_by    text,                               -- a person, 'expiry', or 'appeal <id>' when an appeal replaced it
    appeal_id   uuid                                -- set when an overturned appeal made this override
);
create unique index tier_override_active on tier_override (customer_id, scheme_code) where ended_at is null;
create index tier_override_customer on tier_override (customer_id, created_at desc);
create index tier_override_expiring on tier_override (expires_at) where ended_at is null;

create table tier_appeal (
    id                 uuid        primary key,
    customer_id        uuid        not null,
    scheme_code        text        not null references tier_scheme (code),
    change_id          bigint      not null references tier_history (id),
    appealed_from_tier text,
    appealed_to_tier   text        not null,
    reason             text        not null,
    filed_by           text        not null,
    filed_at           timestamptz not null,
    status             text        not null check (status in ('PENDING', 'UPHELD', 'OVERTURNED')),
    decision_reason    text,
    decided_by         text,
    decided_at         timestamptz,
    constraint tier_appeal_four_eyes check (decided_by is null or decided_by <> filed_by)
);
create unique index tier_appeal_pending on tier_appeal (customer_id, scheme_code) where status = 'PENDING';
create index tier_appeal_queue on tier_appeal (status, filed_at);
create index tier_appeal_customer on tier_appeal (customer_id, filed_at desc);
