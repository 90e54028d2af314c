-- A clerk's next entry at 10 million entries: the queue index (records_queue) is ordered for the
-- whole country, so a clerk of 6 communes out of 300 walked past every pending entry of other
-- communes ranked before theirs (41,754 rows, 1.4 s, when a supervisor had put other ledgers
-- first). Each entry now carries its ledger (from its page, set by a trigger so every way of
-- adding entries keeps it), and the queue is also indexed by ledger: a clerk's next entry is
-- the best of the first few of each of their ledgers.
ALTER TABLE records ADD COLUMN ledger_id bigint;

CREATE FUNCTION records_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT ledger_id INTO NEW.ledger_id FROM scans WHERE id = NEW.scan_id;
    RETURN NEW;
END $$;
CREATE TRIGGER records_ledger BEFORE INSERT OR UPDATE OF scan_id ON records
    FOR EACH ROW EXECUTE FUNCTION records_ledger();

UPDATE records r SET ledger_id = s.ledger_id FROM scans s WHERE s.id = r.scan_id;
ALTER TABLE records ALTER COLUMN ledger_id SET NOT NULL;
CREATE INDEX records_ledger_queue ON records (ledger_id, priority DESC, confidence, id) WHERE status = 'pending';

-- The follow-up list's index (0090) with the ledger, to skip other communes' entries unread.
DROP INDEX records_flagged_at;
CREATE INDEX records_flagged_at ON records (updated_at DESC, id DESC) INCLUDE (ledger_id) WHERE status = 'flagged';
