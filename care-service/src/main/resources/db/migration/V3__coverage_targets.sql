-- Coverage targets as data: the share of a tier's customers a kind of care must reach in a period (default: every
-- CORE customer visited, domain.md §4), and the share of a tier's tasks done on time.
create table coverage_target (
    measure text not null check (measure in ('REACHED_SHARE', 'ON_TIME_SHARE')),
    scheme  text not null,
    tier    text not null,
    kind    text not null default '*',
    target  numeric(5, 4) not null check (target between 0 and 1),
    primary key (measure, scheme, tier, kind)
);
insert into coverage_target (measure, scheme, tier, kind, target) values
    ('REACHED_SHARE', 'VALUE', 'CORE', 'VISIT', 1.0),
    ('ON_TIME_SHARE', 'VALUE', 'CORE', '*', 0.95),
    ('ON_TIME_SHARE', 'VALUE', 'IMPORTANT', '*', 0.90);
