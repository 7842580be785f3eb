-- Seeds :n open complaints filed two hours ago (bench customers, category DELIVERY.LATE, policy version 1): each
-- with its acknowledge milestone already past its deadline (the detector must breach and escalate every one),
-- its plan and resolve milestones still running. psql -v n=100000 -v run=<label> -f seed-open.sql
set search_path = complaint;
insert into complaint (id, customer_id, channel, category_code, severity, title, filed_at, filed_by, status,
                       sla_policy_version, sla_clock)
select gen_random_uuid(), gen_random_uuid(), 'HOTLINE', 'DELIVERY.LATE', 'MEDIUM', 'bench ' || :'run' || ' ' || i,
       now() - interval '2 hours', 'bench', 'FILED', 1, 'CALENDAR'
from generate_series(1, :n) i;
insert into complaint_milestone (id, complaint_id, kind, round, target_seconds, started_at, due_at, warn_at)
select gen_random_uuid(), c.id, k.kind, 1, k.seconds, c.filed_at, c.filed_at + make_interval(secs => k.seconds),
       c.filed_at + make_interval(secs => k.seconds * 0.8)
from complaint c
cross join (values ('ACKNOWLEDGE', 3600), ('PLAN', 86400), ('RESOLVE', 172800)) as k(kind, seconds)
where c.title like 'bench ' || :'run' || ' %';
analyze complaint;
analyze complaint_milestone;
