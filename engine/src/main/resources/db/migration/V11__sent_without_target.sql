-- The records a run sent while the ledger knew no target id for them (the target did not hold them, as far as the
-- ledger knows): created by the run. When an attempt is killed before the target's answer reaches the ledger, the
-- resumed attempt's upsert finds the record by its external id and answers "updated"; this row says the run created it,
-- so that it is counted loaded and a rollback deletes it. resent: an earlier attempt of the run sent it already.
create table sent_without_target (
    run_id       varchar(40)  not null,
    object_name  varchar(80)  not null,
    legacy_id    varchar(255) not null,
    resent       boolean      not null,
    primary key (run_id, object_name, legacy_id)
);
