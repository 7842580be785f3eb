-- LIFECYCLE version 2: only a customer who has bought can churn (流失). A prospect who has never bought — however long
-- ago they registered, whatever they asked — is SILENT (沉默: no purchase for a long while) once 180 days have passed,
-- not CHURNED. Everything else is as in version 1.
insert into tier_policy (scheme_code, version, definition, note, created_by, created_at) values
('LIFECYCLE', 2, '{
  "description": "The first stage whose rule holds, in this order; only a customer who has bought can churn",
  "tiers": [
    {"code": "CHURNED", "name": "流失", "when": {"all": [{"metric": "daysSinceLastPurchase", "op": "gte", "value": 365},
                                                       {"metric": "purchasesTotal", "op": "gte", "value": 1}]}},
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
}', 'only a customer who has bought can churn: a long-registered prospect is SILENT', 'system', now());
update tier_scheme set current_version = 2, updated_at = now() where code = 'LIFECYCLE';
