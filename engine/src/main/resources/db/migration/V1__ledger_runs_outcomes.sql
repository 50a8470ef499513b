-- One row per migration run.
create table run (
    id          varchar(40)  not null primary key,
    mode        varchar(20)  not null,
    status      varchar(20)  not null,
    started_at  timestamp    not null,
    ended_at    timestamp
);

-- One row per (object, legacy id): the legacy-id <-> target-id cross-reference and, through the hash of what
-- was last loaded, the idempotency store.
create table ledger (
    object_name   varchar(80)  not null,
    legacy_id     varchar(255) not null,
    target_id     varchar(18),
    content_hash  varchar(64),
    outcome       varchar(20)  not null,
    run_id        varchar(40)  not null,
    updated_at    timestamp    not null,
    primary key (object_name, legacy_id)
);

-- One row per source record and run: the proof that nothing was lost.
create table outcome (
    run_id       varchar(40)   not null,
    object_name  varchar(80)   not null,
    record_no    bigint        not null,
    legacy_id    varchar(255)  not null,
    source_ref   varchar(1000) not null,
    outcome      varchar(20)   not null,
    reason_code  varchar(80),
    message      varchar(4000),
    recorded_at  timestamp     not null,
    primary key (run_id, object_name, record_no)
);

-- Per run and object, the records the source read: what the outcomes must add up to.
create table run_object (
    run_id        varchar(40) not null,
    object_name   varchar(80) not null,
    records_read  bigint      not null,
    read_at       timestamp   not null,
    primary key (run_id, object_name)
);
