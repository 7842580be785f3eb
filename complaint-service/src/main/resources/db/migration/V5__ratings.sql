-- Satisfaction: the customer rates each resolution once (1–5, with a comment); a reopened complaint can be rated
-- again after its next resolution.
create table complaint_rating (
    complaint_id uuid not null references complaint (id),
    resolution   integer not null,          -- 1 for the first resolution, 2 after one reopen, …
    rating       integer not null check (rating between 1 and 5),
    comment      text,
    rated_by     text not null,
    rated_at     timestamptz not null,
    primary key (complaint_id, resolution)
);
create index complaint_rating_rated on complaint_rating (rated_at);
