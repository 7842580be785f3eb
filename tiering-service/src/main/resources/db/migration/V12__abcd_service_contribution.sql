-- ABCD version 2: the service-contribution group (domain.md §3) now counts care as well as complaints — the
-- satisfaction given in care contacts (an average of 4.5 or more earns full points) and participation in care
-- (contacts where the customer was reached, from care-service's task-completed events), with the complaint ratings.
-- The group keeps its 15 % of the score; everything else is as in version 1.
insert into tier_policy (scheme_code, version, definition, note, created_by, created_at) values
('ABCD', 2, '{
  "description": "Score 0–100: spend 40 %, purchase frequency 20 %, repeat purchases 15 %, service contribution 15 % (complaint ratings 7, care satisfaction 5, care participation 3), complaints 10 %",
  "scorecard": {"indicators": [
    {"metric": "spend12m", "weight": 40, "bands": [{"from": 0, "points": 0}, {"from": 10000, "points": 40}, {"from": 30000, "points": 70}, {"from": 100000, "points": 100}]},
    {"metric": "purchases12m", "weight": 20, "bands": [{"from": 1, "points": 30}, {"from": 3, "points": 70}, {"from": 6, "points": 100}]},
    {"metric": "repeatPurchases12m", "weight": 15, "bands": [{"from": 1, "points": 50}, {"from": 3, "points": 100}]},
    {"metric": "averageRating", "weight": 7, "bands": [{"from": 3, "points": 40}, {"from": 4, "points": 70}, {"from": 4.5, "points": 100}]},
    {"metric": "careSatisfaction12m", "weight": 5, "bands": [{"from": 3, "points": 40}, {"from": 4, "points": 70}, {"from": 4.5, "points": 100}]},
    {"metric": "careContacts12m", "weight": 3, "bands": [{"from": 1, "points": 50}, {"from": 3, "points": 100}]},
    {"metric": "complaints12m", "weight": 10, "bands": [{"from": 0, "points": 100}, {"from": 1, "points": 60}, {"from": 2, "points": 30}, {"from": 3, "points": 0}]}
  ]},
  "tiers": [
    {"code": "A", "name": "A类", "when": {"metric": "score", "op": "gte", "value": 80}},
    {"code": "B", "name": "B类", "when": {"metric": "score", "op": "gte", "value": 60}},
    {"code": "C", "name": "C类", "when": {"metric": "score", "op": "gte", "value": 40}},
    {"code": "D", "name": "D类"}
  ],
  "downgrade": {"mode": "GRACE_PERIOD", "graceDays": 30, "warningDays": 7}
}', 'service contribution counts care (care.events): satisfaction and participation', 'system', now());
update tier_scheme set current_version = 2, updated_at = now() where code = 'ABCD';
