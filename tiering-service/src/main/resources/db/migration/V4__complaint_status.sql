-- Complaint events may be replayed or, across a merge, arrive out of order: each fact remembers when its status
-- was last set, and an older status never overwrites a newer one.
alter table complaint_fact add column status_at timestamptz;
alter table complaint_fact add column category text;
update complaint_fact set status_at = filed_at;
alter table complaint_fact alter column status_at set not null;
