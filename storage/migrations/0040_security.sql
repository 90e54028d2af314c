-- Station tokens belong to communes: a token may create, read and upload to the ledgers of its
-- communes only. Tokens made before this migration have none and are refused until an admin
-- assigns them (sohoa token scope --station NAME --commune CODE…).
CREATE TABLE station_token_communes (
    token_id     bigint NOT NULL REFERENCES station_tokens (id) ON DELETE CASCADE,
    commune_code text   NOT NULL REFERENCES admin_units (code),
    PRIMARY KEY (token_id, commune_code)
);

-- Supervisors are scoped to their communes; the province-wide supervisor is a role of its own.
-- A supervisor without communes saw every commune before: keep that, explicitly.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('clerk', 'supervisor', 'province', 'admin'));
UPDATE users SET role = 'province'
WHERE role = 'supervisor' AND NOT EXISTS (SELECT 1 FROM user_communes c WHERE c.user_id = users.id);

-- Logins (success and failure) are audited against the account, or 0 for an unknown name.
CREATE INDEX audit_events_action ON audit_events (action, at);
