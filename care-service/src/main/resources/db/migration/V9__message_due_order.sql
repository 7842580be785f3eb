-- The dispatcher takes due messages in (send_after, id) order: an index in that order, so a backlog of a million
-- greetings placed at one moment is read fifty at a time, not sorted whole for every batch.
drop index care_message_due;
create index care_message_due on care_message (send_after, id) where status = 'PENDING';

-- A customer's messages are found through the once-per-occasion index (it starts with the customer); one index less
-- for every message placed.
drop index care_message_customer;
