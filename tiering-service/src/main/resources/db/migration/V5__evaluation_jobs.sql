-- Bulk re-evaluation: a job is cut into chunks of customers (contiguous id ranges); each chunk travels as a message
-- on tiering.evaluation-chunks, so every replica takes a share, and is applied exactly once (claimed by done_at).
create table evaluation_job (
    id             uuid        primary key,
    reason         text        not null,           -- becomes the reason of every change the job makes
    run_key        text        unique,             -- one daily run however many replicas schedule it
    requested_by   text        not null,
    status         text        not null check (status in ('RUNNING', 'COMPLETED')),
    chunks         integer     not null,
    chunks_done    integer     not null default 0,
    customers      integer     not null,
    customers_done integer     not null default 0,
    changed        integer     not null default 0,
    started_at     timestamptz not null,
    finished_at    timestamptz
);
create index evaluation_job_started on evaluation_job (started_at desc);

create table evaluation_chunk (
    job_id         uuid        not null references evaluation_job (id),
    chunk          integer     not null,
    first_customer uuid        not null,
    last_customer  uuid        not null,
    done_at        timestamptz,
    customers      integer,
    changed        integer,
    primary key (job_id, chunk)
);
