-- A capture account (issue 13): photographs pages with the phone capture page for the ledgers
-- of its communes, and nothing else. Like clerks and supervisors it is scoped to communes.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('capture', 'clerk', 'supervisor', 'province', 'admin'));
