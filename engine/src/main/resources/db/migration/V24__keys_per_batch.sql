-- Keys kept per batch instead of per record. The records a run sent while the ledger knew no target id for them
-- (V11): one row per batch sent instead of one per record, the batch's legacy ids as a JSON array, at most 1,000 a
-- row. A record in two rows of a run was sent again.
-- Marking a batch is one insert, and forgetting a finished run's marks deletes a row per batch instead of one per
-- record created (session 7's profile: 10 % of the run for the two). The rows of V11 come over one id a row, twice
-- for a record already sent again.
create table sent_batch (
    run_id       varchar(40)      not null,
    object_name  varchar(80)      not null,
    batch_id     varchar(40)      not null,
    legacy_ids   varchar(1000000) not null,
    primary key (run_id, object_name, batch_id)
);
insert into sent_batch (run_id, object_name, batch_id, legacy_ids)
    select run_id, object_name, 'v11-' || cast(row_number() over (order by run_id, object_name, legacy_id) as varchar(20)),
           '["' || replace(replace(legacy_id, '\', '\\'), '"', '\"') || '"]'
    from sent_without_target;
insert into sent_batch (run_id, object_name, batch_id, legacy_ids)
    select run_id, object_name, 'v11-resent-' || cast(row_number() over (order by run_id, object_name, legacy_id) as varchar(20)),
           '["' || replace(replace(legacy_id, '\', '\\'), '"', '\"') || '"]'
    from sent_without_target where resent;
drop table sent_without_target;
-- The external ids of an open Bulk API 2.0 job (V6) the same way: a JSON array of at most 1,000 a row, so that
-- remembering a job and forgetting it once collected are a few rows each, not one per record.
create table bulk_job_ids (
    job_id        varchar(18)      not null,
    slice_no      integer          not null,
    external_ids  varchar(1000000) not null,
    primary key (job_id, slice_no)
);
insert into bulk_job_ids (job_id, slice_no, external_ids)
    select job_id, row_number() over (partition by job_id order by external_id),
           '["' || replace(replace(external_id, '\', '\\'), '"', '\"') || '"]'
    from bulk_job_record;
drop table bulk_job_record;
