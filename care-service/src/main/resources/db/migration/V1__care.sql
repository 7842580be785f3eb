-- Customers as customer.events and tier.events describe them: what planning and contact rules need, nothing more
-- (no name, no phone number, no address).
create table care_customer (
    customer_id        uuid primary key,
    registered         boolean not null default false, -- customer.registered seen (tier events may come first)
    account_manager_id text,
    preferred_channel  text,
    contact_windows    jsonb not null default '[]',    -- [{"days":["SATURDAY"],"from":"10:00","to":"18:00"}]
    do_not_disturb     boolean not null default false,
    consents           jsonb not null default '{}',    -- {"SMS":false,"EMAIL":true}
    birthday           date,
    merged_into        uuid,
    erased_at          timestamptz,
    updated_at         timestamptz not null,
    profile_at         timestamptz,                    -- time of the newest profile/preferences event applied
    manager_at         timestamptz                     -- time of the newest account-manager event applied
);
create index care_customer_manager on care_customer (account_manager_id);

-- Each customer's tier in every scheme; a tier event older than the one applied is ignored.
create table care_customer_tier (
    customer_id  uuid not null,
    scheme       text not null,
    tier         text not null,
    effective_at timestamptz not null,
    primary key (customer_id, scheme)
);

-- The care plan as data, versioned; the newest applies.
create table care_plan (
    version    integer primary key,
    definition jsonb not null,
    note       text,
    created_by text not null,
    created_at timestamptz not null
);

-- Which items recur for which customer, and the day the next occurrence opens.
create table care_schedule (
    customer_id  uuid not null,
    item_code    text not null,
    next_open_on date not null,
    primary key (customer_id, item_code)
);
create index care_schedule_next on care_schedule (next_open_on);

-- Care tasks: one per occurrence (plus follow-up attempts); at most one open per customer and item.
create table care_task (
    id                uuid primary key,
    customer_id       uuid not null,
    item_code         text not null,
    scheme            text not null,
    tier              text not null,
    title             text not null,
    kind              text not null,
    channel           text not null,
    owner             text not null,
    assignee          text,
    pinned            boolean not null default false,
    plan_version      integer not null,
    attempt           integer not null,
    opens_on          date not null,
    due_on            date not null,
    period_end        date not null,
    status            text not null,
    asks_satisfaction boolean not null,
    outcome           text,
    satisfaction      integer check (satisfaction between 1 and 5),
    notes             text,
    reason            text,
    explanation       text,
    created_at        timestamptz not null,
    started_at        timestamptz,
    closed_at         timestamptz,
    closed_by         text,
    overdue_at        timestamptz,
    escalated_at      timestamptz,
    version           bigint not null default 0
);
create unique index care_task_one_open on care_task (customer_id, item_code)
    where status in ('SCHEDULED', 'IN_PROGRESS');
create index care_task_queue on care_task (assignee, due_on, id) where status in ('SCHEDULED', 'IN_PROGRESS');
create index care_task_open_due on care_task (due_on, id) where status in ('SCHEDULED', 'IN_PROGRESS');
create index care_task_period on care_task (period_end) where status in ('SCHEDULED', 'IN_PROGRESS');
create index care_task_customer on care_task (customer_id, due_on);
create index care_task_due on care_task (due_on);

-- Who did what to a task, when.
create table care_task_action (
    id      uuid primary key,
    task_id uuid not null references care_task (id),
    action  text not null,
    actor   text not null,
    at      timestamptz not null,
    note    text
);
create index care_task_action_task on care_task_action (task_id, at, id);

-- The working-day calendar's exceptions, as complaint-service's working-calendar events describe them
-- (working = null: the exception was removed). A change older than the one applied is ignored.
create table calendar_day (
    day        date primary key,
    working    boolean,
    name       text,
    changed_at timestamptz not null
);

-- Bulk re-plans (after a plan change): one row per job, one per chunk of customers; chunks travel through Kafka
-- (care.replan-chunks) so every replica takes a share; a chunk's claim makes a redelivery a no-op.
create table replan_job (
    id             uuid primary key,
    plan_version   integer not null,
    reason         text not null,
    requested_by   text not null,
    status         text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    chunks         integer not null,
    chunks_done    integer not null default 0,
    chunks_failed  integer not null default 0,
    customers      integer not null,
    customers_done integer not null default 0,
    created        integer not null default 0,
    cancelled      integer not null default 0,
    started_at     timestamptz not null,
    progressed_at  timestamptz not null,
    finished_at    timestamptz,
    last_error     text
);
create table replan_chunk (
    job_id         uuid not null references replan_job (id),
    chunk          integer not null,
    first_customer uuid not null,
    last_customer  uuid not null,
    published_at   timestamptz not null,
    done_at        timestamptz,
    failed_at      timestamptz,
    attempts       integer not null default 0,
    last_error     text,
    primary key (job_id, chunk)
);
