-- The follow-up list (entries set aside, newest first) at 10 million entries: without this it
-- read every entry of the country (a sequential scan, 7 s). The newest are walked by time; the
-- ledger is in the index so that a supervisor's list skips other communes' entries without
-- reading them (an index-only scan: set-aside entries rarely change, so their pages are all-visible).
-- records.ledger_id comes with migration 0091; until then the index holds the time alone.
CREATE INDEX records_flagged_at ON records (updated_at DESC, id DESC) WHERE status = 'flagged';
