package storage

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// EnsureRole creates a login role (not a superuser, creating nothing, owning nothing) unless it
// exists, and sets its password when one is given. Run it as a role that may create roles.
func EnsureRole(ctx context.Context, adminURL, role, password string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connect %s: %w", redact(adminURL), translate(err))
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, role).Scan(&exists); err != nil {
		return fmt.Errorf("look for role %s: %w", role, translate(err))
	}
	id := pgx.Identifier{role}.Sanitize()
	if !exists {
		if _, err := conn.Exec(ctx, "CREATE ROLE "+id+" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"); err != nil {
			return fmt.Errorf("create role %s: %w", role, translate(err))
		}
	}
	if password != "" {
		if _, err := conn.Exec(ctx, "ALTER ROLE "+id+" PASSWORD "+quoteLiteral(password)); err != nil {
			return fmt.Errorf("set password of role %s: %w", role, translate(err))
		}
	}
	return nil
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// GrantApp gives the application's role what sohoa needs on the database at ownerURL, as the
// schema's owner after migrating: rows of every table read and written, sequences used, but
// nothing owned, so it cannot alter or drop a table, disable the audit trigger or migrate; on
// audit_events it may only add and read. Tables made later by the owner get the same rights.
// Safe to run again after every migration.
func GrantApp(ctx context.Context, ownerURL, role string) error {
	conn, err := pgx.Connect(ctx, ownerURL)
	if err != nil {
		return fmt.Errorf("connect %s: %w", redact(ownerURL), translate(err))
	}
	defer conn.Close(context.WithoutCancel(ctx))
	id := pgx.Identifier{role}.Sanitize()
	var owner string
	if err := conn.QueryRow(ctx, `SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_events'`).Scan(&owner); err != nil {
		return fmt.Errorf("grant to %s: the schema is not migrated: %w", role, translate(err))
	}
	if owner == role {
		return fmt.Errorf("grant to %s: it owns the schema; give SOHOA_MIGRATE_DATABASE_URL another role (the owner)", role)
	}
	stmts := []string{
		"GRANT USAGE ON SCHEMA public TO " + id,
		"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + id,
		"REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_events FROM " + id,
		"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations, admin_units FROM " + id,
		"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + id,
		"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + id,
		"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + id,
	}
	for _, q := range stmts {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("grant to %s: %s: %w", role, q, translate(err))
		}
	}
	return nil
}

// DropRole removes a role and what was granted to it. Only tests use it.
func DropRole(ctx context.Context, adminURL, dbURL, role string) error {
	id := pgx.Identifier{role}.Sanitize()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return fmt.Errorf("connect %s: %w", redact(dbURL), translate(err))
	}
	_, err = conn.Exec(ctx, "DROP OWNED BY "+id)
	conn.Close(context.WithoutCancel(ctx))
	if err != nil {
		return fmt.Errorf("drop owned by %s: %w", role, translate(err))
	}
	admin, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connect %s: %w", redact(adminURL), translate(err))
	}
	defer admin.Close(context.WithoutCancel(ctx))
	if _, err := admin.Exec(ctx, "DROP ROLE IF EXISTS "+id); err != nil {
		return fmt.Errorf("drop role %s: %w", role, translate(err))
	}
	return nil
}
