-- Server-side sessions of people using the browser UI; the cookie holds a random token whose
-- SHA-256 is stored here.
CREATE TABLE sessions (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- A supervisor's order: records of ledgers with a higher priority come first.
ALTER TABLE ledgers ADD COLUMN priority int NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN priority int NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN confirmed_by bigint REFERENCES users (id);
ALTER TABLE records ADD COLUMN confirmed_at timestamptz;

DROP INDEX records_queue;
CREATE INDEX records_queue ON records (priority DESC, confidence, id) WHERE status = 'pending';
CREATE INDEX records_lease ON records (lease_user_id) WHERE lease_user_id IS NOT NULL;
CREATE INDEX records_confirmed_by ON records (confirmed_by, confirmed_at);

-- Suggestions offered for a field (nearest valid syllables and the like), shown to the clerk.
ALTER TABLE fields ADD COLUMN suggestions jsonb NOT NULL DEFAULT '[]';
ALTER TABLE fields ADD COLUMN needs_review boolean NOT NULL DEFAULT true;
ALTER TABLE fields ADD COLUMN position int NOT NULL DEFAULT 0;
