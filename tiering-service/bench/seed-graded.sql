-- Seeds :n graded customers straight into tiering's tables, as the projection and a past evaluation would have left
-- them, so that a re-evaluation job has a realistic base: a quarter each with no purchase and with 5 000, 40 000 and
-- 120 000 CNY spent in the last 20 days; registered 0–699 days ago. Their standings are what the default policies
-- (version 1 of each) give today, so a re-evaluation finds (almost) nothing to change.
set search_path = tiering;
-- "today" as the service sees it: the business day in Shanghai
create temporary table bulk as
select md5(:'run' || '-' || i)::uuid as id, i % 4 as g, i % 700 as tenure,
       (((now() at time zone 'Asia/Shanghai')::date - (i % 700))::timestamp + interval '2 hours') at time zone 'UTC' as registered_at,
       (((now() at time zone 'Asia/Shanghai')::date - 1 - (i % 20))::timestamp + interval '2 hours') at time zone 'UTC' as purchased_at,
       (array[0, 5000, 40000, 120000])[i % 4 + 1]::numeric(19,2) as amount
from generate_series(1, :n) i;

insert into customer_metrics (customer_id, registered_at, uses_competitor, inquiries_total, updated_at)
select id, registered_at, false, 0, now() from bulk;
insert into purchase_fact (purchase_id, customer_id, month, purchased_at, amount)
select md5('p-' || id::text)::uuid, id, date_trunc('month', purchased_at at time zone 'Asia/Shanghai')::date,
       purchased_at, amount from bulk where g > 0;
insert into spend_month (customer_id, month, purchases, gross, refunded)
select id, date_trunc('month', purchased_at at time zone 'Asia/Shanghai')::date, 1, amount, 0 from bulk where g > 0;

insert into customer_tier (customer_id, scheme_code, tier, since, policy_version, score, explanation, warned,
                           evaluated_at)
select b.id, s.code,
       case s.code
         when 'VALUE' then (array['POTENTIAL', 'BASIC', 'IMPORTANT', 'CORE'])[b.g + 1]
         when 'MEMBERSHIP' then (array['STANDARD', 'STANDARD', 'VIP', 'SUPER_VIP'])[b.g + 1]
         when 'ABCD' then (array['D', 'D', 'C', 'C'])[b.g + 1]
         else case when b.g > 0 then (case when b.tenure < 90 then 'NEW' else 'ACTIVE' end)
                   when b.tenure >= 365 then 'CHURNED' when b.tenure >= 180 then 'SILENT'
                   when b.tenure >= 90 then 'AT_RISK' else 'NEW' end
       end,
       b.registered_at, s.current_version,
       case when s.code = 'ABCD' then (array[10.00, 16.00, 44.00, 56.00])[b.g + 1] end,
       '{}'::jsonb, false, now()
from bulk b cross join tier_scheme s;
analyze customer_metrics;
analyze purchase_fact;
analyze spend_month;
analyze customer_tier;
