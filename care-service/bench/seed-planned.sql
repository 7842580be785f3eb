-- Seeds :n customers into care-service's tables as if they had been planned under the default plan today: 10 %
-- CORE, 20 % IMPORTANT, 40 % BASIC, 30 % POTENTIAL; account managers :run-0, :run-1, … with 2 000 customers each;
-- each customer's open tasks and schedules as the default plan gives them, marked as the overdue watch would have.
-- Run with psql -v n=… -v run=… -v today=….
set search_path = care;
create temporary table seeded as
select gen_random_uuid() as customer_id, i,
       case when i % 10 = 0 then 'CORE' when i % 10 < 3 then 'IMPORTANT' when i % 10 < 7 then 'BASIC'
            else 'POTENTIAL' end as tier
from generate_series(0, :n - 1) as i;
insert into care_customer (customer_id, registered, account_manager_id, updated_at, profile_at, manager_at)
select customer_id, true, :'run' || '-' || (i / 2000), now(), now(), now() from seeded;
insert into care_customer_tier (customer_id, scheme, tier, effective_at)
select customer_id, 'VALUE', tier, now() - interval '1 day' from seeded;
create temporary table items (tier text, code text, title text, kind text, channel text, owner text,
                              due interval, period interval, satisfaction boolean);
insert into items values
  ('CORE', 'CORE_VISIT', '1 对 1 visit (on site or video)', 'VISIT', 'IN_PERSON', 'ACCOUNT_MANAGER', '14 days',
   '1 month', true),
  ('CORE', 'CORE_GIFT', 'Customised yearly gift or service', 'GIFT', 'IN_PERSON', 'ACCOUNT_MANAGER', '30 days',
   '1 year', false),
  ('IMPORTANT', 'IMPORTANT_CALL', 'Phone or online contact', 'CALL', 'PREFERRED', 'ACCOUNT_MANAGER', '7 days',
   '14 days', true),
  ('IMPORTANT', 'IMPORTANT_SURVEY', 'Needs survey (需求调研)', 'SURVEY', 'PREFERRED', 'ACCOUNT_MANAGER', '21 days',
   '3 months', true),
  ('BASIC', 'BASIC_MESSAGE', 'Offers and usage guides', 'MESSAGE', 'PREFERRED', 'AUTOMATED', '5 days', '1 month',
   false),
  ('POTENTIAL', 'POTENTIAL_FOLLOW_UP', 'Sales follow-up with targeted material and a trial offer', 'CALL', 'PHONE',
   'SALES', '14 days', '1 month', false);
-- opened over the last fortnight, so due dates spread over the weeks around today
insert into care_task (id, customer_id, item_code, scheme, tier, title, kind, channel, owner, assignee, plan_version,
                       attempt, opens_on, due_on, period_end, status, asks_satisfaction, explanation, created_at)
select gen_random_uuid(), s.customer_id, it.code, 'VALUE', s.tier, it.title, it.kind, it.channel, it.owner,
       case when it.owner = 'ACCOUNT_MANAGER' then :'run' || '-' || (s.i / 2000) end, 1, 1,
       (:'today'::date - (s.i % 14)), (:'today'::date - (s.i % 14) + it.due)::date,
       (:'today'::date - (s.i % 14) + it.period)::date, 'SCHEDULED', it.satisfaction, 'seeded', now()
from seeded s join items it on it.tier = s.tier;
-- what the overdue watch would have done already: overdue past the due date, escalated three working days (five
-- calendar days, near enough) later, so the benchmark measures the work under test, not a sweep catching up
update care_task set overdue_at = now() where due_on < :'today'::date and overdue_at is null;
update care_task set escalated_at = now() where due_on < :'today'::date - 5 and escalated_at is null;
insert into care_schedule (customer_id, item_code, next_open_on)
select customer_id, item_code, period_end from care_task t
where exists (select 1 from seeded s where s.customer_id = t.customer_id);
-- the state autovacuum keeps in steady operation (visibility map set, statistics current)
vacuum analyze care_customer;
vacuum analyze care_customer_tier;
vacuum analyze care_task;
vacuum analyze care_schedule;
