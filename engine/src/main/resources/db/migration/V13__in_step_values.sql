-- With the reverse sync on, the field values both sides last agreed on, per record (as the forward mapping gives them,
-- JSON): a conflict decided field by field (the reverse sync's merge policy) compares each side's values with these to
-- tell which fields each side changed.
alter table ledger add column in_step_values varchar(1000000);
