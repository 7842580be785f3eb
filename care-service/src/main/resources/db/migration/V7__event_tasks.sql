-- Care tasks an event asks for rather than the plan: a welcome gift on an upgrade, a follow-up call after a resolved
-- complaint, an escalation after a low rating. Each names its occasion (once per customer, occasion and attempt)
-- and re-planning never touches it.
alter table care_task add column occasion text;
alter table care_task add column gift_code text;
create unique index care_task_occasion on care_task (customer_id, occasion, attempt) where occasion is not null;
drop index care_task_one_open;
create unique index care_task_one_open on care_task (customer_id, item_code)
    where status in ('SCHEDULED', 'IN_PROGRESS') and occasion is null;

-- The gift catalogue (seed 001: flowers, a cushion, a 福贴), in the order gifts are offered.
create table gift (
    code       text primary key,
    name       text not null,
    active     boolean not null,
    position   int not null,
    updated_by text not null,
    updated_at timestamptz not null
);
insert into gift (code, name, active, position, updated_by, updated_at) values
    ('FLOWERS', '鲜花', true, 1, 'system', '2026-01-01T00:00:00Z'),
    ('CUSHION', '靠垫', true, 2, 'system', '2026-01-01T00:00:00Z'),
    ('FU_STICKER', '福贴', true, 3, 'system', '2026-01-01T00:00:00Z');

-- What events ask of care, as data, versioned: who gets a welcome gift and when again; how soon a complaint is
-- followed up, per tier.
create table outreach_policy (
    version    int primary key,
    definition jsonb not null,
    note       text not null,
    created_by text not null,
    created_at timestamptz not null
);
insert into outreach_policy (version, definition, note, created_by, created_at) values (1, '{
  "welcome": {"scheme": "MEMBERSHIP", "tiers": ["VIP", "SUPER_VIP"], "coolDownDays": 365, "dueWithinWorkingDays": 5},
  "followUp": {"scheme": "VALUE", "dueWithinWorkingDays": {"CORE": 1, "IMPORTANT": 1, "BASIC": 1, "POTENTIAL": 1},
               "otherwiseWithinWorkingDays": 1, "escalationWithinWorkingDays": 1}
}', 'defaults: a welcome gift on reaching VIP or SUPER_VIP (not again within a year for the same level); a follow-up call within 1 working day of a resolved complaint', 'system', '2026-01-01T00:00:00Z');
