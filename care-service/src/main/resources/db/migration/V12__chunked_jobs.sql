-- Bulk re-plan jobs move to the chassis's chunked_job tables (kind 'replan'), shared with every service's bulk jobs:
-- the plan version becomes a parameter, the tasks created and cancelled the tally's "created" and "cancelled".
insert into chunked_job (id, kind, reason, requested_by, parameters, status, chunks, chunks_done, chunks_failed, items,
                         items_done, tally, started_at, progressed_at, finished_at, last_error)
select id, 'replan', reason, requested_by, jsonb_build_object('planVersion', plan_version::text), status, chunks,
       chunks_done, chunks_failed, customers, customers_done,
       jsonb_build_object('created', created, 'cancelled', cancelled), started_at, progressed_at, finished_at,
       last_error
from replan_job;
insert into chunked_job_chunk (job_id, chunk, first_key, last_key, published_at, done_at, failed_at, attempts,
                               last_error)
select job_id, chunk, first_customer, last_customer, published_at, done_at, failed_at, attempts, last_error
from replan_chunk;
drop table replan_chunk;
drop table replan_job;
