-- The cutover sync (docs/cutover.md).
-- The source's modification marker of the version of a record last applied (the REST source's incremental field):
-- a change older than it is never applied over it, whatever order the changes arrive in.
alter table ledger add column source_modified varchar(64);
alter table outcome add column source_modified varchar(64);
-- What the load does with a pending record: 'upsert', or 'delete' for a record deleted in the legacy CRM.
alter table outcome add column operation varchar(10) default 'upsert' not null;

-- Changes the sync could not apply yet (their parent has not arrived, or the target failed for a passing reason):
-- retried by later sync cycles, with a backoff, until they land or are rejected after the most attempts. One row per
-- record: a newer change of the same record replaces the one waiting. claimed_by names the sync cycle reading the
-- row; the cycle removes the rows it claimed when it completes, so a cycle killed half way reads them again.
create table sync_queue (
    object_name      varchar(80)      not null,
    legacy_id        varchar(255)     not null,
    source_ref       varchar(1000)    not null,
    source_values    varchar(1000000) not null,
    source_modified  varchar(64),
    attempts         integer          not null,
    reason_code      varchar(80)      not null,
    message          varchar(4000),
    next_attempt_at  timestamp        not null,
    queued_at        timestamp        not null,
    claimed_by       varchar(40),
    primary key (object_name, legacy_id)
);
create index sync_queue_due on sync_queue (object_name, next_attempt_at);

-- The sync's phase (running, paused, final-delta, done, live), kept across restarts and shared by replicas.
create table sync_state (
    name        varchar(40)  not null primary key,
    phase       varchar(20)  not null,
    changed_at  timestamp    not null
);

-- The lease that elects the one replica that polls (io.cutover.sync.LeaseClusterService): held by holder until
-- expires_at, renewed by it; taken over by another replica once expired. fencing_token grows with every new holder,
-- and a sync cycle's watermark write checks it, so a replica that lost the lease without knowing cannot move a
-- watermark the new holder owns.
create table leader_lease (
    namespace      varchar(80)  not null primary key,
    holder         varchar(255) not null,
    fencing_token  bigint       not null,
    expires_at     timestamp    not null
);

-- The delta files the sync took in (docs/cutover.md), by name and content: a file applied once is not applied again,
-- whatever it is renamed to or however often it is dropped.
create table delta_file (
    file_name     varchar(255)  not null,
    checksum      varchar(64)   not null,
    object_name   varchar(80)   not null,
    run_id        varchar(40),
    status        varchar(20)   not null,
    reason        varchar(4000),
    processed_at  timestamp     not null,
    primary key (file_name, checksum)
);
create index delta_file_checksum on delta_file (checksum, status);
