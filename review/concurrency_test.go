package review_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// TestFiftyClerksConfirmFiveThousandEntries: 50 clerks over HTTP claim and confirm 5,000 entries
// while 5 more take one entry each and vanish (a closed browser). Every entry is confirmed
// exactly once, no entry is held by two clerks at once, and the abandoned ones come back to the
// queue when their lease expires.
func TestFiftyClerksConfirmFiveThousandEntries(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	const clerks, vanishing, records = 50, 5, 5000
	lease := 2 * time.Second
	b := setup(t, review.Config{Lease: lease})
	b.bulkSeed(t, b.ledger, records)
	ctx := context.Background()
	hash, _ := auth.HashPassword(testPassword)
	for i := range clerks + vanishing {
		u := domain.User{Username: fmt.Sprintf("clerk%02d", i), Role: domain.RoleClerk, Communes: []string{"05461"}}
		if err := b.store.CreateUser(ctx, &u, hash, "test"); err != nil {
			t.Fatal(err)
		}
	}

	type claim struct {
		clerk int
		at    time.Time
	}
	var mu sync.Mutex
	claims := map[int64][]claim{}
	note := func(id int64, clerk int, at time.Time) {
		mu.Lock()
		claims[id] = append(claims[id], claim{clerk, at})
		mu.Unlock()
	}

	var wg sync.WaitGroup
	// Log everyone in first: logins are slow on purpose (argon2id), and the vanishing clerks'
	// claims must all fall within one lease.
	gone := make([]*client, vanishing)
	for i := range vanishing {
		gone[i] = b.login(t, fmt.Sprintf("clerk%02d", clerks+i))
	}
	working := make([]*client, clerks)
	for i := range clerks {
		working[i] = b.login(t, fmt.Sprintf("clerk%02d", i))
	}
	for i, c := range gone {
		before := time.Now() // the lease starts after this, so the hand-on gap measured below is never too long
		id := c.next()
		if id == 0 {
			t.Fatalf("vanishing clerk %d got no entry", i)
		}
		note(id, clerks+i, before) // and never come back
	}
	confirmed := make([]int, clerks)
	for i, c := range working {
		wg.Go(func() {
			id := c.next()
			for {
				if id == 0 {
					if pending(t, b) == 0 {
						return
					}
					time.Sleep(200 * time.Millisecond) // the rest are leased; wait for expiry
					id = c.next()
					continue
				}
				note(id, i, time.Now())
				resp := c.post(fmt.Sprintf("/review/records/%d/confirm", id), confirmForm(0, 1))
				confirmed[i]++
				id = recordFrom(t, resp)
			}
		})
	}
	wg.Wait()

	conn, err := pgx.Connect(ctx, b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
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
	recovered := 0
	for id, cs := range claims {
		holders := map[int]bool{}
		for _, c := range cs {
			holders[c.clerk] = true
		}
		working := 0
		for h := range holders {
			if h < clerks {
				working++
			}
		}
		if working > 1 {
			t.Errorf("entry %d was handed to %d working clerks: %v", id, working, cs)
		}
		if len(holders) > 1 {
			if cs[1].at.Sub(cs[0].at) < lease {
				t.Errorf("entry %d was handed on after %s, before its %s lease ran out", id, cs[1].at.Sub(cs[0].at), lease)
			}
			recovered++
		}
	}
	if recovered != vanishing {
		for id, cs := range claims {
			if cs[0].clerk >= clerks {
				t.Logf("abandoned entry %d: claims %v", id, cs)
			}
		}
		t.Errorf("got %d abandoned entries recovered, want %d", recovered, vanishing)
	}
	total := 0
	for _, n := range confirmed {
		total += n
	}
	t.Logf("%d clerks confirmed %d entries; %d abandoned entries recovered after their lease", clerks, total, recovered)
}

func pending(t testing.TB, b *bundle) int {
	rows, err := b.store.LedgerProgress(context.Background(), b.ledger.ID)
	if err != nil {
		t.Error(err)
		return 0
	}
	return rows.Records[domain.RecordPending]
}
