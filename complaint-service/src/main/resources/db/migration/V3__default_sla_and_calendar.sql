-- The default SLA policy (version 1): the 1-24-48 rule (acknowledge within 1 hour, propose a plan within 24, resolve
-- within 48), shorter for CORE customers (the after-sales green channel) and for critical complaints, counted in
-- calendar hours. Rules are tried in order; the last one takes every complaint. A policy may count in working
-- hours instead ("clock": "WORKING": {"workingHours"} on working days).
insert into sla_policy (version, definition, note, created_by, created_at) values (1, '{
  "workingHours": {"start": "09:00", "end": "18:00"},
  "atRiskShare": 0.8,
  "rules": [
    {"name": "green channel", "tiers": ["CORE"], "severities": [], "clock": "CALENDAR",
     "acknowledge": "PT30M", "plan": "PT12H", "resolve": "PT24H"},
    {"name": "critical", "tiers": [], "severities": ["CRITICAL"], "clock": "CALENDAR",
     "acknowledge": "PT30M", "plan": "PT12H", "resolve": "PT24H"},
    {"name": "1-24-48", "tiers": [], "severities": [], "clock": "CALENDAR",
     "acknowledge": "PT1H", "plan": "PT24H", "resolve": "PT48H"}
  ]
}', 'the 1-24-48 rule', 'system', '2026-01-01T00:00:00Z');

-- The working-day calendar's exceptions for 2026 (国务院办公厅 holiday arrangement: holidays, and the weekend days
-- worked instead, 调休) and New Year's Day 2027. Later years are entered through the API when they are published.
insert into calendar_day (day, working, name) values
('2026-01-01', false, '元旦'),
('2026-01-02', false, '元旦'),
('2026-01-03', false, '元旦'),
('2026-01-04', true, '元旦调休上班'),
('2026-02-14', true, '春节调休上班'),
('2026-02-15', false, '春节'),
('2026-02-16', false, '春节'),
('2026-02-17', false, '春节'),
('2026-02-18', false, '春节'),
('2026-02-19', false, '春节'),
('2026-02-20', false, '春节'),
('2026-02-21', false, '春节'),
('2026-02-22', false, '春节'),
('2026-02-23', false, '春节'),
('2026-02-28', true, '春节调休上班'),
('2026-04-04', false, '清明节'),
('2026-04-05', false, '清明节'),
('2026-04-06', false, '清明节'),
('2026-05-01', false, '劳动节'),
('2026-05-02', false, '劳动节'),
('2026-05-03', false, '劳动节'),
('2026-05-04', false, '劳动节'),
('2026-05-05', false, '劳动节'),
('2026-05-09', true, '劳动节调休上班'),
('2026-06-19', false, '端午节'),
('2026-06-20', false, '端午节'),
('2026-06-21', false, '端午节'),
('2026-09-20', true, '国庆节调休上班'),
('2026-09-25', false, '中秋节'),
('2026-09-26', false, '中秋节'),
('2026-09-27', false, '中秋节'),
('2026-10-01', false, '国庆节'),
('2026-10-02', false, '国庆节'),
('2026-10-03', false, '国庆节'),
('2026-10-04', false, '国庆节'),
('2026-10-05', false, '国庆节'),
('2026-10-06', false, '国庆节'),
('2026-10-07', false, '国庆节'),
('2026-10-10', true, '国庆节调休上班'),
('2027-01-01', false, '元旦');
