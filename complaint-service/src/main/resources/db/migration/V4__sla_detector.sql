-- The SLA detector's work list: when an open milestone becomes at risk (warn_at: the moment the policy's at-risk
-- share of its time has passed, on the complaint's clock) and when it is breached (due_at). Each is claimed once.
alter table complaint_milestone add column warn_at timestamptz;
update complaint_milestone set warn_at = started_at + (due_at - started_at) * 0.8 where due_at is not null;
drop index complaint_milestone_open;
create index complaint_milestone_warn on complaint_milestone (warn_at)
    where met_at is null and at_risk_at is null and warn_at is not null;
create index complaint_milestone_due on complaint_milestone (due_at)
    where met_at is null and breached_at is null and due_at is not null;
