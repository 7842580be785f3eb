-- Each scheme's distribution as it stood after an evaluation job, one row per scheme, day and tier: the trend.
create table tier_distribution_day (
    scheme_code text          not null references tier_scheme (code),
    day         date          not null,            -- business time zone
    tier        text          not null,
    customers   integer       not null,
    revenue12m  numeric(19,2) not null,
    primary key (scheme_code, day, tier)
);
