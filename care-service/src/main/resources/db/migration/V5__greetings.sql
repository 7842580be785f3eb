-- Festivals as operators maintain them: each festival's Gregorian date per year (lunar festivals move), with an
-- optional offer the greeting carries.
create table festival_day (
    code       text not null,
    day        date not null,
    name       text not null,
    offer      text,
    updated_by text not null,
    updated_at timestamptz not null,
    primary key (code, day)
);
create unique index festival_day_once_a_year on festival_day (code, (extract(year from day)));

insert into festival_day (code, day, name, offer, updated_by, updated_at) values
    ('NEW_YEAR', '2026-01-01', '元旦', null, 'system', '2026-01-01T00:00:00Z'),
    ('SPRING_FESTIVAL', '2026-02-17', '春节', null, 'system', '2026-01-01T00:00:00Z'),
    ('LANTERN', '2026-03-03', '元宵节', null, 'system', '2026-01-01T00:00:00Z'),
    ('DRAGON_BOAT', '2026-06-19', '端午节', null, 'system', '2026-01-01T00:00:00Z'),
    ('MID_AUTUMN', '2026-09-25', '中秋节', null, 'system', '2026-01-01T00:00:00Z'),
    ('NATIONAL_DAY', '2026-10-01', '国庆节', null, 'system', '2026-01-01T00:00:00Z'),
    ('NEW_YEAR', '2027-01-01', '元旦', null, 'system', '2026-01-01T00:00:00Z'),
    ('SPRING_FESTIVAL', '2027-02-06', '春节', null, 'system', '2026-01-01T00:00:00Z'),
    ('LANTERN', '2027-02-20', '元宵节', null, 'system', '2026-01-01T00:00:00Z'),
    ('DRAGON_BOAT', '2027-06-09', '端午节', null, 'system', '2026-01-01T00:00:00Z'),
    ('MID_AUTUMN', '2027-09-15', '中秋节', null, 'system', '2026-01-01T00:00:00Z'),
    ('NATIONAL_DAY', '2027-10-01', '国庆节', null, 'system', '2026-01-01T00:00:00Z');

-- Whose birthday is a given day, without reading every customer: month * 100 + day of the birthday.
create index care_customer_birthday on care_customer ((extract(month from birthday) * 100 + extract(day from birthday)))
    where birthday is not null and registered and erased_at is null and merged_into is null;
