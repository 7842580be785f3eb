-- Bulk re-evaluation jobs move to the chassis's chunked_job tables (kind 'evaluation'), shared with every service's
-- bulk jobs; the tier changes a job made become its tally's "changed".
insert into chunked_job (id, kind, reason, run_key, requested_by, status, chunks, chunks_done, chunks_failed, items,
                         items_done, tally, started_at, progressed_at, finished_at, last_error)
select id, 'evaluation', reason, run_key, requested_by, status, chunks, chunks_done, chunks_failed, customers,
       customers_done, jsonb_build_object('changed', changed), started_at, progressed_at, finished_at, last_error
from evaluation_job;
insert into chunked_job_chunk (job_id, chunk, first_key, last_key, published_at, done_at, failed_at, attempts,
                               last_error, items, tally)
select job_id, chunk, first_customer, last_customer, published_at, done_at, failed_at, attempts, last_error, customers,
       case when changed is null then null else jsonb_build_object('changed', changed) end
from evaluation_chunk;
drop table evaluation_chunk;
drop table evaluation_job;
