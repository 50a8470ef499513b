-- Before a run sends an update for a record the target already holds, what rolling the run back needs to undo it:
-- the values the target held in the fields the update changes, and the ledger entry the record had. Kept once per
-- run and record, at the first attempt: a retried or resumed update finds the values already kept.
create table before_image (
    run_id             varchar(40)      not null,
    object_name        varchar(80)      not null,
    legacy_id          varchar(255)     not null,
    -- the ledger entry before the run: target id, content hash, outcome and the run that wrote it
    target_id          varchar(18)      not null,
    content_hash       varchar(64),
    ledger_outcome     varchar(20)      not null,
    ledger_run_id      varchar(40)      not null,
    -- field -> value (JSON) as the target answered; null when the target no longer held the record
    field_values       varchar(1000000),
    captured_at        timestamp        not null,
    -- set once a rollback has put the values back
    restored_at        timestamp,
    primary key (run_id, object_name, legacy_id)
);
