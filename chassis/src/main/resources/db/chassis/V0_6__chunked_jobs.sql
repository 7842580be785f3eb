-- Bulk jobs of every kind a service runs (tiering's re-evaluation, care's re-plan): a job is cut into chunks of keys
-- (contiguous uuid ranges); each chunk travels as a message on the kind's topic, so every replica takes a share, and
-- is applied exactly once (claimed by done_at). A chunk remembers when its message last went out and how often it
-- failed: when a job makes no progress for a while its undone chunks are published again, and after the last attempt
-- a chunk counts as failed, so the job ends (FAILED, with the error) instead of running forever.
create table chunked_job (
    id            uuid        primary key,
    kind          text        not null,           -- the work the service registered under this name
    reason        text        not null,
    run_key       text        unique,             -- one scheduled run however many replicas start it
    requested_by  text        not null,
    parameters    jsonb       not null default '{}',
    status        text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    chunks        integer     not null,
    chunks_done   integer     not null default 0,
    chunks_failed integer     not null default 0,
    items         integer     not null,
    items_done    integer     not null default 0,
    tally         jsonb       not null default '{}', -- the work's own counts, summed over the chunks done
    started_at    timestamptz not null,
    progressed_at timestamptz not null,
    finished_at   timestamptz,
    last_error    text
);
create index chunked_job_kind_started on chunked_job (kind, started_at desc, id);

create table chunked_job_chunk (
    job_id       uuid        not null references chunked_job (id),
    chunk        integer     not null,
    first_key    uuid        not null,
    last_key     uuid        not null,
    published_at timestamptz not null,
    done_at      timestamptz,
    failed_at    timestamptz,
    attempts     integer     not null default 0,
    last_error   text,
    items        integer,
    tally        jsonb,
    primary key (job_id, chunk)
);
-- the sweeper's look-up: undone chunks only
create index chunked_job_chunk_undone on chunked_job_chunk (published_at) where done_at is null and failed_at is null;
