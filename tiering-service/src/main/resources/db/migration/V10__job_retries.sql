-- Bulk jobs survive lost and failing chunks: a chunk remembers when its message last went out and how often it
-- failed; when a job has made no progress for a while, a sweeper re-publishes its undone chunks, and after the last
-- attempt a chunk counts as failed, so the job ends (FAILED, with the error) instead of running forever.
alter table evaluation_chunk
    add column published_at timestamptz,
    add column attempts     integer not null default 0,
    add column failed_at    timestamptz,
    add column last_error   text;
update evaluation_chunk c set published_at = j.started_at from evaluation_job j where j.id = c.job_id;
alter table evaluation_chunk alter column published_at set not null;
-- the sweeper's look-up: undone chunks only
create index evaluation_chunk_undone on evaluation_chunk (published_at) where done_at is null and failed_at is null;

alter table evaluation_job
    add column chunks_failed integer not null default 0,
    add column last_error    text,
    add column progressed_at timestamptz,
    drop constraint evaluation_job_status_check,
    add constraint evaluation_job_status_check check (status in ('RUNNING', 'COMPLETED', 'FAILED'));
update evaluation_job set progressed_at = coalesce(finished_at, started_at);
alter table evaluation_job alter column progressed_at set not null;
