create table probe_note (
    id      uuid primary key,
    text    text not null,
    count   int  not null
);

create table probe_effect (
    id       bigint generated always as identity primary key,
    event_id text not null,
    note     text not null
);
