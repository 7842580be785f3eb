-- The default care plan (domain.md §4): CORE monthly visit and yearly gift, IMPORTANT call every two weeks and
-- quarterly needs survey, BASIC monthly automated message, POTENTIAL monthly sales follow-up.
insert into care_plan (version, definition, note, created_by, created_at) values (1, '{
  "escalateAfterWorkingDays": 3,
  "items": [
    {"code": "CORE_VISIT", "scheme": "VALUE", "tier": "CORE", "title": "1 对 1 visit (on site or video)",
     "kind": "VISIT", "channel": "IN_PERSON", "cadence": "MONTHLY", "owner": "ACCOUNT_MANAGER",
     "dueWithinDays": 10, "workingDays": true, "asksSatisfaction": true},
    {"code": "CORE_GIFT", "scheme": "VALUE", "tier": "CORE", "title": "Customised yearly gift or service",
     "kind": "GIFT", "channel": "IN_PERSON", "cadence": "YEARLY", "owner": "ACCOUNT_MANAGER",
     "dueWithinDays": 30, "workingDays": false, "asksSatisfaction": false},
    {"code": "IMPORTANT_CALL", "scheme": "VALUE", "tier": "IMPORTANT", "title": "Phone or online contact",
     "kind": "CALL", "channel": "PREFERRED", "cadence": "EVERY_2_WEEKS", "owner": "ACCOUNT_MANAGER",
     "dueWithinDays": 5, "workingDays": true, "asksSatisfaction": true},
    {"code": "IMPORTANT_SURVEY", "scheme": "VALUE", "tier": "IMPORTANT", "title": "Needs survey (需求调研)",
     "kind": "SURVEY", "channel": "PREFERRED", "cadence": "QUARTERLY", "owner": "ACCOUNT_MANAGER",
     "dueWithinDays": 15, "workingDays": true, "asksSatisfaction": true},
    {"code": "BASIC_MESSAGE", "scheme": "VALUE", "tier": "BASIC", "title": "Offers and usage guides",
     "kind": "MESSAGE", "channel": "PREFERRED", "cadence": "MONTHLY", "owner": "AUTOMATED",
     "dueWithinDays": 3, "workingDays": true, "asksSatisfaction": false},
    {"code": "POTENTIAL_FOLLOW_UP", "scheme": "VALUE", "tier": "POTENTIAL",
     "title": "Sales follow-up with targeted material and a trial offer",
     "kind": "CALL", "channel": "PHONE", "cadence": "MONTHLY", "owner": "SALES",
     "dueWithinDays": 10, "workingDays": true, "asksSatisfaction": false}
  ]}', 'default plan (domain.md §4)', 'system', '2026-11-01T00:00:00Z');
