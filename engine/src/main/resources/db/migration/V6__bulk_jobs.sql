-- Bulk API 2.0 jobs whose records were uploaded and whose results have not been collected yet, with the external ids
-- of their records. A run killed while its jobs ran finds them when it starts again and collects their results
-- instead of uploading the same records again; Salesforce keeps a job's results for seven days.
create table bulk_job (
    job_id       varchar(18)  not null primary key,
    run_id       varchar(40)  not null,
    object_name  varchar(80)  not null,
    closed_at    timestamp    not null
);
create index bulk_job_run on bulk_job (run_id, object_name);

create table bulk_job_record (
    job_id       varchar(18)  not null,
    external_id  varchar(255) not null
);
create index bulk_job_record_job on bulk_job_record (job_id);
