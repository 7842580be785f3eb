-- Dead letters an operator has re-driven to their origin topic: each at most once.
create table dead_letter_redrive (
    dlq_partition integer     not null,
    dlq_offset    bigint      not null,
    redriven_at   timestamptz not null,
    primary key (dlq_partition, dlq_offset)
);
