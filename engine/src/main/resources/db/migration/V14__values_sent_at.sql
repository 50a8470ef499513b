-- When the values in in_step_values were sent to the target: reconciliation tells a field someone changed in the target
-- since (its SystemModstamp is later) from one the target stored differently. updated_at moves with every run that
-- finds the record unchanged, so it cannot tell.
alter table ledger add column values_sent_at timestamp;
