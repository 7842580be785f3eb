-- The default schemes of domain.md §3, version 1 of each. Operators change them through the API
-- (PUT /api/v1/tier-schemes/{code}/policy), which adds a version; these rows are never edited.

insert into tier_scheme (code, name, kind, description, current_version, updated_at) values
('VALUE', '价值分层', 'RANKED', 'Value tiers on trailing-12-month net spend', 1, now()),
('MEMBERSHIP', '会员等级', 'RANKED', 'Membership levels with their benefits', 1, now()),
('ABCD', 'ABCD分类', 'RANKED', 'Weighted score of value, behaviour, service contribution and complaints', 1, now()),
('LIFECYCLE', '生命周期', 'STAGES', 'Lifecycle stage from activity, satisfaction and complaints', 1, now());

insert into tier_policy (scheme_code, version, definition, note, created_by, created_at) values
('VALUE', 1, '{
  "description": "CORE ≥ 100 000 CNY, IMPORTANT ≥ 30 000, BASIC > 0 in the trailing 12 months; POTENTIAL otherwise (inquiries, no purchase)",
  "tiers": [
    {"code": "CORE", "name": "核心客户", "when": {"metric": "spend12m", "op": "gte", "value": 100000}},
    {"code": "IMPORTANT", "name": "重要客户", "when": {"metric": "spend12m", "op": "gte", "value": 30000}},
    {"code": "BASIC", "name": "基础客户", "when": {"metric": "spend12m", "op": "gt", "value": 0}},
    {"code": "POTENTIAL", "name": "潜在客户"}
  ],
  "downgrade": {"mode": "GRACE_PERIOD", "graceDays": 30, "warningDays": 14}
}', 'default (domain.md §3)', 'system', now()),
('MEMBERSHIP', 1, '{
  "description": "SUPER_VIP: spend ≥ 60 000, or repeat buyer who refers; VIP: spend ≥ 30 000, competitor user, complainant, referrer or repeat buyer",
  "tiers": [
    {"code": "SUPER_VIP", "name": "超级VIP",
     "benefits": {"discountPercent": 20, "freeAnnualRepair": true, "priorityBooking": true, "birthdayOffer": true},
     "when": {"any": [{"metric": "spend12m", "op": "gte", "value": 60000},
                      {"all": [{"metric": "repeatPurchases12m", "op": "gte", "value": 3},
                               {"metric": "referrals", "op": "gte", "value": 1}]}]}},
    {"code": "VIP", "name": "VIP",
     "benefits": {"discountPercent": 15, "freeAnnualRepair": true, "priorityBooking": true, "birthdayOffer": true},
     "when": {"any": [{"metric": "spend12m", "op": "gte", "value": 30000},
                      {"metric": "usesCompetitor", "op": "eq", "value": true},
                      {"metric": "complaints12m", "op": "gte", "value": 1},
                      {"metric": "referrals", "op": "gte", "value": 1},
                      {"metric": "repeatPurchases12m", "op": "gte", "value": 2}]}},
    {"code": "STANDARD", "name": "普通会员",
     "benefits": {"discountPercent": 10, "freeAnnualRepair": false, "priorityBooking": false, "birthdayOffer": true}}
  ],
  "downgrade": {"mode": "END_OF_PERIOD", "warningDays": 30}
}', 'default (domain.md §3)', 'system', now()),
('ABCD', 1, '{
  "description": "Score 0–100: spend 40 %, purchase frequency 20 %, repeat purchases 15 %, satisfaction 15 %, complaints 10 %",
  "scorecard": {"indicators": [
    {"metric": "spend12m", "weight": 40, "bands": [{"from": 0, "points": 0}, {"from": 10000, "points": 40}, {"from": 30000, "points": 70}, {"from": 100000, "points": 100}]},
    {"metric": "purchases12m", "weight": 20, "bands": [{"from": 1, "points": 30}, {"from": 3, "points": 70}, {"from": 6, "points": 100}]},
    {"metric": "repeatPurchases12m", "weight": 15, "bands": [{"from": 1, "points": 50}, {"from": 3, "points": 100}]},
    {"metric": "averageRating", "weight": 15, "bands": [{"from": 3, "points": 40}, {"from": 4, "points": 70}, {"from": 4.5, "points": 100}]},
    {"metric": "complaints12m", "weight": 10, "bands": [{"from": 0, "points": 100}, {"from": 1, "points": 60}, {"from": 2, "points": 30}, {"from": 3, "points": 0}]}
  ]},
  "tiers": [
    {"code": "A", "name": "A类", "when": {"metric": "score", "op": "gte", "value": 80}},
    {"code": "B", "name": "B类", "when": {"metric": "score", "op": "gte", "value": 60}},
    {"code": "C", "name": "C类", "when": {"metric": "score", "op": "gte", "value": 40}},
    {"code": "D", "name": "D类"}
  ],
  "downgrade": {"mode": "GRACE_PERIOD", "graceDays": 30, "warningDays": 7}
}', 'default (domain.md §3)', 'system', now()),
('LIFECYCLE', 1, '{
  "description": "The first stage whose rule holds, in this order",
  "tiers": [
    {"code": "CHURNED", "name": "流失", "when": {"metric": "daysSinceLastPurchase", "op": "gte", "value": 365}},
    {"code": "DISSATISFIED", "name": "不满意", "when": {"any": [{"metric": "openComplaints", "op": "gte", "value": 1},
                                                                {"metric": "averageRating", "op": "lte", "value": 2}]}},
    {"code": "SILENT", "name": "沉默", "when": {"metric": "daysSinceLastPurchase", "op": "gte", "value": 180}},
    {"code": "AT_RISK", "name": "潜在流失", "when": {"any": [{"metric": "daysSinceLastPurchase", "op": "gte", "value": 90},
                                                             {"metric": "spendTrend6m", "op": "lt", "value": 0.5}]}},
    {"code": "LOYAL", "name": "忠诚", "when": {"all": [{"metric": "purchases12m", "op": "gte", "value": 3},
                                                       {"metric": "tenureDays", "op": "gte", "value": 365}]}},
    {"code": "NEW", "name": "新客户", "when": {"metric": "tenureDays", "op": "lt", "value": 90}},
    {"code": "ACTIVE", "name": "活跃"}
  ],
  "downgrade": {"mode": "IMMEDIATE"}
}', 'default (domain.md §3)', 'system', now());
