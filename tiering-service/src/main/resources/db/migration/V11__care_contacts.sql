-- Care contacts as care-service's task-completed events describe them: the ABCD grade's "service contribution"
-- (participation in care, and the satisfaction given) counts them.
create table care_contact (
    task_id      uuid        primary key,
    customer_id  uuid        not null,
    completed_at timestamptz not null,
    outcome      text        not null,
    satisfaction smallint
);
create index care_contact_customer on care_contact (customer_id);
