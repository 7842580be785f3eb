-- Bulk imports of customers from CSV: the file is kept until the job is done so any replica can resume it.
create table customer_import (
    id              uuid        primary key,
    content_sha256  text        not null unique,
    file_name       text,
    content         bytea,
    status          text        not null check (status in ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
    total_rows      int         not null,
    processed_rows  int         not null default 0,
    imported_rows   int         not null default 0,
    failed_rows     int         not null default 0,
    failure         text,
    created_by      text        not null,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz
);
create index customer_import_open on customer_import (status, heartbeat_at) where status in ('PENDING', 'RUNNING');

create table customer_import_error (
    id        bigint generated always as identity primary key,
    import_id uuid not null references customer_import (id),
    line      int  not null,
    field     text,
    message   text not null
);
create index customer_import_error_job on customer_import_error (import_id, line, id);
