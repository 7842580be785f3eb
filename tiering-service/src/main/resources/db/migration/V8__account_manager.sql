-- The customer's account manager (from customer.events): an ACCOUNT_MANAGER sees only their own customers' tiers.
alter table customer_metrics add column account_manager_id text;
