-- A reference to a record not loaded yet when its child is loaded (an account's parent account further down the
-- export, or a cycle between objects) is left out of the first load and set by a second pass at the end of the run.
create table deferred_reference (
    run_id            varchar(40)  not null,
    object_name       varchar(80)  not null,
    legacy_id         varchar(255) not null,
    field             varchar(80)  not null,
    parent_object     varchar(80)  not null,
    parent_legacy_id  varchar(255) not null,
    record_no         bigint       not null,
    status            varchar(20)  not null,
    message           varchar(4000),
    primary key (run_id, object_name, legacy_id, field)
);
