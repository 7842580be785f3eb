-- The birthday comes from customer.personal-data now, a topic of its own: its ordering stamp is apart from the
-- preferences' (profile_at), which come from customer.events.
alter table care_customer add column personal_at timestamptz;
update care_customer set personal_at = profile_at where birthday is not null;
