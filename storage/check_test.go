package storage_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// checkBundle is a ledger of three death entries that clerk "canbo" entered, two checkers and a
// supervisor, on a store with the given stages.
type checkBundle struct {
	store                 *storage.Store
	url                   string
	ledger                domain.Ledger
	clerk, check1, check2 domain.User
	boss                  domain.User
	ids                   []int64
	entered               []map[string]string
}

func setupChecks(t *testing.T, stages ...domain.CheckMode) *checkBundle {
	t.Helper()
	ctx := context.Background()
	b := &checkBundle{}
	b.store, b.url = storagetest.StoreURL(t)
	b.store.SetCheckPlan(domain.CheckPlan{Stages: stages, Sample: 1})
	b.clerk = domain.User{Username: "canbo", Role: domain.RoleClerk, Communes: []string{"05461"}}
	b.check1 = domain.User{Username: "kiemtra", Role: domain.RoleClerk, Communes: []string{"05461"}}
	b.check2 = domain.User{Username: "kiemtra-hai", Role: domain.RoleClerk, Communes: []string{"05461"}}
	b.boss = domain.User{Username: "giamsat", Role: domain.RoleSupervisor, Communes: []string{"05461"}}
	for _, u := range []*domain.User{&b.clerk, &b.check1, &b.check2, &b.boss} {
		if err := b.store.CreateUser(ctx, u, "x", "test"); err != nil {
			t.Fatal(err)
		}
	}
	b.ledger = domain.Ledger{CommuneCode: "05461", Kind: domain.KindDeath, Book: "03", YearFrom: 1994, YearTo: 1994}
	if err := b.store.CreateLedger(ctx, &b.ledger); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("check page"))
	sc := domain.Scan{LedgerID: b.ledger.ID, Page: 7, SHA256: hex.EncodeToString(sum[:]), ObjectKey: "originals/x", Bytes: 1, ContentType: "image/png"}
	saved, _, err := b.store.CommitScans(ctx, "check-test", []domain.Scan{sc})
	if err != nil {
		t.Fatal(err)
	}
	rd := reading{0: deathValues("Lê Văn Tèo", "Già yếu"), 1: deathValues("Phạm Thị Nở", "Ốm"), 2: deathValues("Vũ Đình Dậu", "Sốt rét")}
	if err := b.store.SaveExtraction(ctx, saved[0].ID, rd.records()); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		id := storagetest.RecordID(t, b.url, saved[0].ID, i)
		storagetest.Hold(t, b.url, id, b.clerk.ID)
		if err := b.store.ConfirmRecord(ctx, id, b.clerk, domain.Confirmation{Version: 1, Values: rd[i]}); err != nil {
			t.Fatal(err)
		}
		b.ids, b.entered = append(b.ids, id), append(b.entered, rd[i])
	}
	return b
}

// exported counts the entries an export of the ledger holds.
func (b *checkBundle) exported(t *testing.T, all bool) int {
	t.Helper()
	n := 0
	err := b.store.EachExportEntry(context.Background(), domain.ExportScope{LedgerID: b.ledger.ID, IncludeUnfinished: all},
		func(*domain.ExportEntry) error { n++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// counts is the dashboard's line for the ledger.
func (b *checkBundle) counts(t *testing.T) domain.ProgressCounts {
	t.Helper()
	parts, err := b.store.PartCounts(context.Background(), "05461", "commune", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if p.LedgerID == b.ledger.ID {
			return p.ProgressCounts
		}
	}
	t.Fatalf("ledger %d not on the dashboard", b.ledger.ID)
	return domain.ProgressCounts{}
}

func nextCheck(t *testing.T, s *storage.Store, u domain.User) int64 {
	t.Helper()
	id, err := s.NextCheck(context.Background(), u, 0)
	if errors.Is(err, domain.ErrNotFound) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// pass checks an entry as u, giving back the values it holds.
func (b *checkBundle) check(t *testing.T, u domain.User, values map[string]string) (int64, domain.CheckOutcome) {
	t.Helper()
	ctx := context.Background()
	id, err := b.store.NextCheck(ctx, u, 5*60e9)
	if err != nil {
		t.Fatal(err)
	}
	task, err := b.store.OpenCheck(ctx, id, u)
	if err != nil {
		t.Fatal(err)
	}
	if values == nil {
		values = map[string]string{}
		for _, f := range task.Record.Fields {
			values[f.Name] = f.Value
		}
	}
	out, err := b.store.SubmitCheck(ctx, id, u, task.Record.Version, values)
	if err != nil {
		t.Fatal(err)
	}
	return id, out
}

// TestCheckerIsNeverTheEntrant: the queue that hands out checks never gives an entry to the
// clerk who entered it, nor the second check to the first checker; the database refuses such a
// check even when written directly, and opening one by hand is forbidden.
func TestCheckerIsNeverTheEntrant(t *testing.T) {
	ctx := context.Background()
	b := setupChecks(t, domain.CheckSighted, domain.CheckSighted)
	if id := nextCheck(t, b.store, b.clerk); id != 0 {
		t.Fatalf("the entrant was handed entry %d to check", id)
	}
	// Check 1 of every entry by the first checker.
	var firsts []int64
	for range 3 {
		id, out := b.check(t, b.check1, nil)
		if !out.Agreed {
			t.Fatalf("entry %d: an unchanged check disagreed on %v", id, out.Differing)
		}
		firsts = append(firsts, id)
	}
	slices.Sort(firsts)
	if !slices.Equal(firsts, b.ids) {
		t.Fatalf("check 1 went to %v, want %v", firsts, b.ids)
	}
	// Check 2: neither the entrant nor the first checker.
	for _, u := range []domain.User{b.clerk, b.check1} {
		if id := nextCheck(t, b.store, u); id != 0 {
			t.Errorf("%s was handed entry %d for check 2", u.Username, id)
		}
	}
	if id := nextCheck(t, b.store, b.check2); id == 0 {
		t.Fatal("the second checker got nothing to check")
	}
	// An entry leased to its entrant by hand still cannot be checked by them.
	conn, err := pgx.Connect(ctx, b.url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `UPDATE records SET lease_user_id = $2, lease_expires_at = now() + interval '5 minutes' WHERE id = $1`,
		b.ids[1], b.clerk.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := b.store.OpenCheck(ctx, b.ids[1], b.clerk); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("the entrant opening a check of their entry: got %v, want ErrForbidden", err)
	}
	if _, err := b.store.SubmitCheck(ctx, b.ids[1], b.clerk, 3, b.entered[1]); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("the entrant checking their entry: got %v, want ErrForbidden", err)
	}
	_, err = conn.Exec(ctx, `INSERT INTO record_checks (record_id, stage, mode, entered_by, checker_id, entered, checked)
		VALUES ($1, 2, 'sighted', $2, $2, '{}', '{}')`, b.ids[1], b.clerk.ID)
	if err == nil {
		t.Error("the database took a check by the entrant")
	}
}

// TestDisagreementGoesToSupervisor: a blind value that differs from the entry's sends the entry
// to a supervisor, not to the next stage; the supervisor sees both versions, settles it, and the
// entry goes on corrected, with every step audited and the clerk's rates counted.
func TestDisagreementGoesToSupervisor(t *testing.T) {
	ctx := context.Background()
	b := setupChecks(t, domain.CheckBlind, domain.CheckSighted)
	values := func(i int, cause string) map[string]string {
		v := deathValues(b.entered[i]["full_name"], cause)
		return v
	}
	// The checker agrees with the first entry in queue order, disagrees with the second.
	id0, out := b.check(t, b.check1, nil)
	if !out.Agreed {
		t.Fatalf("got a disagreement on %v, want agreement", out.Differing)
	}
	task, err := b.store.NextCheck(ctx, b.check1, 5*60e9)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.Index(b.ids, task)
	open, err := b.store.OpenCheck(ctx, task, b.check1)
	if err != nil {
		t.Fatal(err)
	}
	if open.Mode != domain.CheckBlind || open.Stage != 1 {
		t.Fatalf("got stage %d %s, want stage 1 blind", open.Stage, open.Mode)
	}
	out, err = b.store.SubmitCheck(ctx, task, b.check1, open.Record.Version, values(i, "Lao phổi"))
	if err != nil {
		t.Fatal(err)
	}
	if out.Agreed || !slices.Equal(out.Differing, []string{"death_cause"}) {
		t.Fatalf("got agreed %v on %v, want a disagreement on death_cause", out.Agreed, out.Differing)
	}
	// While disputed it is handed out to no one: the second checker gets the agreed entry's
	// check 2 or the third entry's check 1.
	if id := nextCheck(t, b.store, b.check2); id == task || id == 0 {
		t.Fatalf("the second checker got entry %d, want one other than the disputed %d", id, task)
	}
	_ = id0
	disputes, err := b.store.Disputes(ctx, b.boss, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(disputes) != 1 || disputes[0].RecordID != task {
		t.Fatalf("got disputes %+v, want one on %d", disputes, task)
	}
	d := disputes[0]
	if d.Entered["death_cause"] != b.entered[i]["death_cause"] || d.Checked["death_cause"] != "Lao phổi" ||
		d.EnteredBy != "canbo" || d.CheckedBy != "kiemtra" || d.Mode != domain.CheckBlind {
		t.Fatalf("got dispute %+v, want both versions and both people", d)
	}
	if n := b.counts(t); n.Checked != 1 || n.Done != 0 || n.Entered != 3 {
		t.Errorf("dashboard: got checked %d done %d entered %d, want 1, 0, 3", n.Checked, n.Done, n.Entered)
	}
	// A stale version is refused; the right one settles with the checker's value.
	if err := b.store.SettleDispute(ctx, task, b.boss, d.Version-1, values(i, "Lao phổi")); !errors.Is(err, domain.ErrStale) {
		t.Errorf("settling an old version: got %v, want ErrStale", err)
	}
	if err := b.store.SettleDispute(ctx, task, b.boss, d.Version, values(i, "Lao phổi")); err != nil {
		t.Fatal(err)
	}
	rec, err := b.store.Record(ctx, task)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rec.Fields {
		if f.Name == "death_cause" && (f.Value != "Lao phổi" || f.Status != domain.FieldCorrected) {
			t.Errorf("death_cause: got %q (%s), want the settled value, corrected", f.Value, f.Status)
		}
	}
	if left, _ := b.store.Disputes(ctx, b.boss, 10); len(left) != 0 {
		t.Errorf("got %d disputes left, want none", len(left))
	}
	if _, err := b.store.Dispute(ctx, task); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a settled dispute: got %v, want ErrNotFound", err)
	}
	trail, err := b.store.AuditTrail(ctx, "record", task)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range trail {
		actions = append(actions, e.Action)
	}
	for _, want := range []string{"record.confirm", "check.dispute", "field.correct", "check.settle"} {
		if !slices.Contains(actions, want) {
			t.Errorf("audit trail %v lacks %s", actions, want)
		}
	}
	// Check 2 (sighted) goes to the second checker, who agrees: done.
	if id := nextCheck(t, b.store, b.check1); id == task {
		t.Error("the first checker was handed the settled entry for check 2")
	}
	rates, err := b.store.ClerkCheckRates(ctx, "05461", nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]domain.ClerkCheckRate{}
	for _, r := range rates {
		byName[r.Username] = r
	}
	if c := byName["canbo"]; c.Checked != 2 || c.Agreed != 1 || c.Corrected != 1 || c.Agreement != 0.5 || c.Correction != 0.5 {
		t.Errorf("the clerk's rates: got %+v, want 2 checked, 1 agreed, 1 corrected", c)
	}
	if c := byName["kiemtra"]; c.ChecksDone != 2 {
		t.Errorf("the checker's checks: got %d, want 2", c.ChecksDone)
	}
	// The counters the triggers kept equal those counted again from the rows.
	before := b.counts(t)
	conn, err := pgx.Connect(ctx, b.url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `SELECT progress_rebuild()`); err != nil {
		t.Fatal(err)
	}
	if after := b.counts(t); after != before {
		t.Errorf("dashboard counted again: got %+v, want %+v", after, before)
	}
	again, err := b.store.ClerkCheckRates(ctx, "05461", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again, rates) {
		t.Errorf("check rates counted again: got %+v, want %+v", again, rates)
	}
}

// TestExportFollowsStages: with a check stage only checked entries are exported (all of them
// with IncludeUnfinished), the dashboard's checked and done follow, and a ledger that sets no
// stages exports every confirmed entry.
func TestExportFollowsStages(t *testing.T) {
	b := setupChecks(t, domain.CheckSighted)
	if n := b.exported(t, false); n != 0 {
		t.Fatalf("before any check: got %d entries exported, want 0", n)
	}
	if n := b.exported(t, true); n != 3 {
		t.Fatalf("everything: got %d entries exported, want 3", n)
	}
	b.check(t, b.check1, nil)
	if n := b.exported(t, false); n != 1 {
		t.Fatalf("after one check: got %d entries exported, want 1", n)
	}
	if n := b.counts(t); n.Entered != 3 || n.Checked != 1 || n.Done != 1 {
		t.Errorf("dashboard: got entered %d checked %d done %d, want 3, 1, 1", n.Entered, n.Checked, n.Done)
	}
	if err := b.store.SetLedgerStages(context.Background(), b.ledger.ID, []domain.CheckMode{}, b.boss); err != nil {
		t.Fatal(err)
	}
	if n := b.exported(t, false); n != 3 {
		t.Fatalf("a ledger without stages: got %d entries exported, want 3", n)
	}
	if n := b.counts(t); n.Checked != 3 || n.Done != 3 {
		t.Errorf("a ledger without stages: got checked %d done %d, want 3, 3", n.Checked, n.Done)
	}
	if id := nextCheck(t, b.store, b.check1); id != 0 {
		t.Errorf("a ledger without stages handed out entry %d to check", id)
	}
	// Two stages for this ledger alone: the checked entry is checked, not yet done.
	if err := b.store.SetLedgerStages(context.Background(), b.ledger.ID, []domain.CheckMode{domain.CheckSighted, domain.CheckBlind}, b.boss); err != nil {
		t.Fatal(err)
	}
	if n := b.counts(t); n.Checked != 1 || n.Done != 0 {
		t.Errorf("two stages: got checked %d done %d, want 1, 0", n.Checked, n.Done)
	}
	if n := b.exported(t, false); n != 0 {
		t.Errorf("two stages: got %d entries exported, want 0", n)
	}
}
