package review_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/auth/authtest"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// TestFiftyClerksConfirmFiveThousandEntries: 50 clerks over HTTP claim and confirm 5,000 entries
// while 5 more take one entry each and vanish (a closed browser). Every entry is confirmed
// exactly once, no entry is held by two clerks at once, and the abandoned ones come back to the
// queue when their lease expires.
//
// Leases are judged by the database's clock, as the server judges them: a trigger logs every
// lease granted (the statement's now() and the expiry), so "held by two at once" and "handed on
// before its lease ran out" are exact, however slow the clerks or the machine. On a busy machine
// a working clerk may also be slower than the 2-second lease; handing their entry on is then
// right, and so is the 409 they get for it, which the test checks against the log.
func TestFiftyClerksConfirmFiveThousandEntries(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	const clerks, vanishing, records = 50, 5, 5000
	lease := 2 * time.Second
	b := setup(t, review.Config{Lease: lease})
	b.bulkSeed(t, b.ledger, records)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	logLeases(t, conn)
	hash := authtest.QuickHash(t, testPassword)
	userIDs := make([]int64, clerks+vanishing)
	for i := range clerks + vanishing {
		u := domain.User{Username: fmt.Sprintf("clerk%02d", i), Role: domain.RoleClerk, Communes: []string{"05461"}}
		if err := b.store.CreateUser(ctx, &u, hash, "test"); err != nil {
			t.Fatal(err)
		}
		userIDs[i] = u.ID
	}

	// Logins are slow on purpose (argon2id): everyone logs in first.
	gone := make([]*client, vanishing)
	for i := range vanishing {
		gone[i] = b.login(t, fmt.Sprintf("clerk%02d", clerks+i))
	}
	working := make([]*client, clerks)
	for i := range clerks {
		working[i] = b.login(t, fmt.Sprintf("clerk%02d", i))
	}
	abandoned := map[int64]bool{}
	for i, c := range gone {
		id := c.next()
		if id == 0 {
			t.Fatalf("vanishing clerk %d got no entry", i)
		}
		abandoned[id] = true // and never come back
	}

	type lost struct {
		record int64
		user   int64
	}
	var mu sync.Mutex
	var refused []lost // confirmations answered 409
	deadline := time.Now().Add(10 * time.Minute)
	var wg sync.WaitGroup
	for i, c := range working {
		wg.Go(func() {
			id := c.next()
			for {
				if id == 0 {
					if pending(t, b) == 0 {
						return
					}
					if time.Now().After(deadline) {
						t.Errorf("clerk %d: entries still pending after 10 minutes", i)
						return
					}
					time.Sleep(200 * time.Millisecond) // the rest are leased: poll until they expire
					id = c.next()
					continue
				}
				resp := c.post(fmt.Sprintf("/review/records/%d/confirm", id), confirmForm(0, 1))
				switch resp.StatusCode {
				case http.StatusSeeOther:
					id = recordLocation(t, resp)
				case http.StatusConflict: // checked against the lease log below
					mu.Lock()
					refused = append(refused, lost{id, userIDs[i]})
					mu.Unlock()
					id = c.next()
				default:
					t.Errorf("clerk %d: confirm %d: got %d, want 303 (or 409 after losing the lease)", i, id, resp.StatusCode)
					return
				}
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}

	var notConfirmed, twice, events int
	err = conn.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM records WHERE status <> 'confirmed'),
		(SELECT count(*) FROM (SELECT entity_id FROM audit_events WHERE action = 'record.confirm' GROUP BY entity_id HAVING count(*) > 1) x),
		(SELECT count(*) FROM audit_events WHERE action = 'record.confirm')`).Scan(&notConfirmed, &twice, &events)
	if err != nil {
		t.Fatal(err)
	}
	if notConfirmed != 0 || twice != 0 || events != records {
		t.Fatalf("got %d not confirmed, %d confirmed twice, %d confirmations; want 0, 0, %d", notConfirmed, twice, events, records)
	}

	// Every change of holder, by the database's clock: the new lease starts after the old one ended.
	rows, _ := conn.Query(ctx, `SELECT record_id, prev_user, user_id, prev_expires, granted_at FROM (
		SELECT record_id, user_id, granted_at, lag(user_id) OVER w AS prev_user, lag(expires_at) OVER w AS prev_expires
		FROM test_lease_log WINDOW w AS (PARTITION BY record_id ORDER BY seq)) x
		WHERE prev_user IS NOT NULL AND prev_user <> user_id`)
	type handover struct {
		record, from, to int64
		ended, granted   time.Time
	}
	handovers, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (handover, error) {
		var h handover
		return h, r.Scan(&h.record, &h.from, &h.to, &h.ended, &h.granted)
	})
	if err != nil {
		t.Fatal(err)
	}
	gaveUp := map[lost]bool{}
	recovered := 0
	for _, h := range handovers {
		if !h.granted.After(h.ended) {
			t.Errorf("entry %d was handed from user %d to %d at %s, before the lease ending %s (database clock)",
				h.record, h.from, h.to, h.granted.Format(time.RFC3339Nano), h.ended.Format(time.RFC3339Nano))
		}
		gaveUp[lost{h.record, h.from}] = true
		if abandoned[h.record] {
			recovered++
		}
	}
	for _, r := range refused {
		if !gaveUp[r] {
			t.Errorf("user %d's confirmation of entry %d was refused, but no one else took the entry", r.user, r.record)
		}
	}
	if recovered != vanishing {
		t.Errorf("got %d abandoned entries handed on, want %d", recovered, vanishing)
	}
	var slow int
	for _, h := range handovers {
		if !abandoned[h.record] {
			slow++
		}
	}
	t.Logf("%d clerks confirmed %d entries; %d abandoned entries recovered after their lease; %d entries of slow clerks handed on after their lease ran out (%d refused confirmations)",
		clerks, events, recovered, slow, len(refused))
}

// logLeases makes the test's database log every lease granted or extended, with the database's
// clock: now() is the time the granting statement ran, the same clock the lease check reads.
func logLeases(t testing.TB, conn *pgx.Conn) {
	t.Helper()
	_, err := conn.Exec(context.Background(), `
		CREATE TABLE test_lease_log (seq bigserial PRIMARY KEY, record_id bigint NOT NULL, user_id bigint NOT NULL,
			granted_at timestamptz NOT NULL, expires_at timestamptz NOT NULL);
		CREATE FUNCTION test_log_lease() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.lease_user_id IS NOT NULL AND (OLD.lease_user_id IS DISTINCT FROM NEW.lease_user_id
				OR OLD.lease_expires_at IS DISTINCT FROM NEW.lease_expires_at) THEN
				INSERT INTO test_lease_log (record_id, user_id, granted_at, expires_at)
				VALUES (NEW.id, NEW.lease_user_id, now(), NEW.lease_expires_at);
			END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER test_log_lease AFTER UPDATE OF lease_user_id, lease_expires_at ON records
			FOR EACH ROW EXECUTE FUNCTION test_log_lease();`)
	if err != nil {
		t.Fatal(err)
	}
}

// recordLocation is recordFrom for a response already known to be a redirect, safe off the
// test's goroutine.
func recordLocation(t testing.TB, resp *http.Response) int64 {
	var id int64
	if _, err := fmt.Sscanf(resp.Header.Get("Location"), "/review/records/%d", &id); err != nil {
		return 0 // the queue is empty: the clerk was sent elsewhere
	}
	return id
}

func pending(t testing.TB, b *bundle) int {
	rows, err := b.store.LedgerProgress(context.Background(), b.ledger.ID)
	if err != nil {
		t.Error(err)
		return 0
	}
	return rows.Records[domain.RecordPending]
}
