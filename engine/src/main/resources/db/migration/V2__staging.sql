-- A run first stages every record it reads as an outcome row: final at once when the record is rejected by the
-- mapping or unchanged, 'pending' with the values to load otherwise. The load step then works through the pending
-- rows. A run that is killed and started again finds what it had read and what is left to load, and children are
-- loaded grouped by their parent (parent_key), so that parallel batches do not lock the same parent rows.
alter table outcome add column content_hash varchar(64);
alter table outcome add column target_id varchar(18);
alter table outcome add column parent_key varchar(255) default '' not null;
alter table outcome add column attempts integer default 0 not null;
-- The mapped target values (JSON) while the record is pending; cleared once it is loaded.
alter table outcome add column payload varchar(1000000);
-- The record's source columns (JSON), kept for rejected records: the rejects file gives them back to be fixed.
alter table outcome add column source_values varchar(1000000);
create index outcome_pending on outcome (run_id, object_name, outcome, attempts, parent_key, record_no);
create index outcome_legacy_id on outcome (run_id, object_name, legacy_id);

-- Calls made to the target per run, object and operation: the report shows them against the minimum.
create table api_call (
    run_id       varchar(40) not null,
    object_name  varchar(80) not null,
    operation    varchar(80) not null,
    calls        bigint      not null,
    primary key (run_id, object_name, operation)
);

-- What the pipeline changed on the way without rejecting the record (a value truncated, bytes replaced), joined by
-- new lines: reported, never silent.
alter table outcome add column warnings varchar(4000);
