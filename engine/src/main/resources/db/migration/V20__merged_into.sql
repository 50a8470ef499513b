-- A record merged into a duplicate of it (cutover.matching.mode=merge) has no target record of its own: the legacy id
-- of the record that survived, whose target id its children take.
alter table ledger add column merged_into varchar(255);
