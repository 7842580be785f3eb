-- An event without payload is a tombstone: published as a record with no value, so that a compacted topic forgets
-- what it holds for the key (customer-service's customer.personal-data on erasure).
alter table outbox_event alter column payload drop not null;

-- Each tombstone is appended a second time once the segment holding the first is due to roll: the log cleaner never
-- compacts a partition's active segment, so without a later record the first tombstone (and everything before it for
-- its key) could stay there as long as nothing else is written to the partition.
create table outbox_tombstone_repeat (
    topic   text        not null,
    subject text        not null,
    type    text        not null,
    due_at  timestamptz not null,
    primary key (topic, subject)
);
create index outbox_tombstone_repeat_due on outbox_tombstone_repeat (due_at);
