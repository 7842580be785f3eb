-- Overrides and appeals are aggregates now, changed one at a time with an optimistic lock.
alter table tier_override add column version bigint not null default 0;
alter table tier_appeal add column version bigint not null default 0;
