-- The working-day calendar is published (tiercare.calendar.day-changed.v1 on complaint.events, key
-- working-calendar) so that care-service counts its due dates on the same days: every change from now on, and here
-- the days entered before, once.
insert into outbox_event (id, topic, type, source, subject, dataschema, occurred_at, payload)
select gen_random_uuid(), 'complaint.events', 'tiercare.calendar.day-changed.v1', '/tiercare/complaint-service',
       'working-calendar', 'urn:tiercare:schema:tiercare.calendar.day-changed.v1', now(),
       json_build_object('day', day, 'working', working, 'name', name,
                         'changedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
from calendar_day order by day;
