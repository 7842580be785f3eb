-- Each event carries the trace and correlation id of the request or event that caused it: the relay sends them as
-- the W3C traceparent/tracestate headers and the ce_correlationid extension attribute.
alter table outbox_event add column traceparent text, add column tracestate text, add column correlation_id text;

-- Inbox rows are purged once older than the retention period; rows arrive in time order, so a BRIN index finds the
-- old ones for next to nothing on every insert.
create index inbox_message_received_at on inbox_message using brin (received_at);
