package review_test

// Unit tests of the decision handlers' logic (confirm, flag, release) with hand-written fakes of
// the store and the validator: no PostgreSQL, MinIO or browser. The integration tests against
// the real services (flow_test.go, concurrency_test.go, the browser tests) stay.

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// errStale is what the store answers when the entry changed since the form was loaded.
var errStale = domain.ErrStale

// fakeStore serves one entry (id 7) of commune 00001 to one clerk and records the decisions it
// is asked for. It embeds review.Store without a value: a handler calling any other method
// panics, and the test fails.
type fakeStore struct {
	review.Store
	user      domain.User
	rec       domain.Record
	place     domain.RecordPlace
	next      int64 // NextRecord's answer; 0: the queue is empty
	decideErr error // what ConfirmRecord, FlagRecordWithValues and ReleaseRecord answer

	confirmed []domain.Confirmation
	flagged   []flagCall
	released  []int64
	reads     int // Record calls
}

type flagCall struct {
	c      domain.Confirmation
	reason string
}

func newFakeStore() *fakeStore {
	lease := int64(11)
	return &fakeStore{
		user: domain.User{ID: 11, Username: "canbo", Role: domain.RoleClerk, Communes: []string{"00001"}},
		rec: domain.Record{ID: 7, Kind: domain.KindBirth, Status: domain.RecordPending, Version: 3, LeaseUserID: &lease,
			Fields: []domain.Field{
				{Name: "full_name", Value: "Nguyen Van An"},
				{Name: "birth_date", Value: "1987-03-05"},
			}},
		place: domain.RecordPlace{LedgerID: 1, CommuneCode: "00001", CommuneName: "Xã Một", ScanID: 2, Page: 1},
		next:  8,
	}
}

func (f *fakeStore) UserBySession(_ context.Context, hash []byte, _, _ time.Duration) (domain.User, time.Time, error) {
	return f.user, time.Now(), nil
}

func (f *fakeStore) RecordPlace(_ context.Context, id int64) (domain.RecordPlace, error) {
	if id != f.rec.ID {
		return domain.RecordPlace{}, fmt.Errorf("%w: record %d", domain.ErrNotFound, id)
	}
	return f.place, nil
}

func (f *fakeStore) Record(_ context.Context, id int64) (domain.Record, error) {
	f.reads++
	return f.rec, nil
}

func (f *fakeStore) AuditTrail(context.Context, string, int64) ([]domain.AuditEvent, error) {
	return nil, nil
}

func (f *fakeStore) DisplayNames(context.Context) (map[string]string, error) { return nil, nil }

func (f *fakeStore) PreviousValues(context.Context, int64) (map[string]string, error) {
	return map[string]string{}, nil
}

func (f *fakeStore) NextRecord(context.Context, domain.User, time.Duration) (int64, error) {
	if f.next == 0 {
		return 0, fmt.Errorf("%w: no entry waiting", domain.ErrNotFound)
	}
	return f.next, nil
}

func (f *fakeStore) ConfirmRecord(_ context.Context, id int64, u domain.User, c domain.Confirmation) error {
	if id != f.rec.ID || u.ID != f.user.ID {
		return fmt.Errorf("confirm: record %d by user %d", id, u.ID)
	}
	if f.decideErr == nil {
		f.confirmed = append(f.confirmed, c)
	}
	return f.decideErr
}

func (f *fakeStore) FlagRecordWithValues(_ context.Context, id int64, u domain.User, c domain.Confirmation, reason string) error {
	if id != f.rec.ID || u.ID != f.user.ID {
		return fmt.Errorf("flag: record %d by user %d", id, u.ID)
	}
	if f.decideErr == nil {
		f.flagged = append(f.flagged, flagCall{c: c, reason: reason})
	}
	return f.decideErr
}

func (f *fakeStore) ReleaseRecord(_ context.Context, id int64, u domain.User) error {
	if id != f.rec.ID || u.ID != f.user.ID {
		return fmt.Errorf("release: record %d by user %d", id, u.ID)
	}
	if f.decideErr == nil {
		f.released = append(f.released, id)
	}
	return f.decideErr
}

// fakeValidator accepts a date written dd/mm/yyyy as ISO, refuses one that does not exist
// (31/02/…), and records every value it was asked about.
type fakeValidator struct{ asked []string }

func (v *fakeValidator) Field(_ domain.Kind, field, value string) (string, []domain.Issue, error) {
	v.asked = append(v.asked, field+"="+value)
	if field != "birth_date" {
		return value, nil, nil
	}
	var d, m, y int
	if _, err := fmt.Sscanf(value, "%d/%d/%d", &d, &m, &y); err != nil {
		return value, []domain.Issue{{Code: "date_unreadable"}}, fmt.Errorf("%w: unreadable date", domain.ErrInvalid)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return value, []domain.Issue{{Code: "date_invalid", VI: "Ngày không có thật.", EN: "No such date."}},
			fmt.Errorf("%w: no such date", domain.ErrInvalid)
	}
	return t.Format("2006-01-02"), nil, nil
}

type unit struct {
	store *fakeStore
	v     *fakeValidator
	h     http.Handler
}

func newUnit(t *testing.T) *unit {
	t.Helper()
	u := &unit{store: newFakeStore(), v: &fakeValidator{}}
	ui, err := review.New(u.store, nil, u.v, slog.New(slog.DiscardHandler), review.Config{})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	ui.Register(mux)
	u.h = mux
	return u
}

// post sends a form to the entry's action as the logged-in clerk.
func (u *unit) post(t *testing.T, action string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", "/review/records/7/"+action, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "sohoa_session", Value: "token"})
	w := httptest.NewRecorder()
	u.h.ServeHTTP(w, req)
	return w
}

func wantRedirect(t *testing.T, w *httptest.ResponseRecorder, to string) {
	t.Helper()
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != to {
		t.Fatalf("got %d to %q, want 303 to %q; body %.300s", w.Code, w.Header().Get("Location"), to, w.Body.String())
	}
}

func wantStatus(t *testing.T, w *httptest.ResponseRecorder, status int) {
	t.Helper()
	if w.Code != status {
		t.Fatalf("got %d, want %d; body %.300s", w.Code, status, w.Body.String())
	}
}

func entryForm(name, date string) url.Values {
	return url.Values{"version": {"3"}, "f.full_name": {name}, "f.birth_date": {date}}
}

func TestConfirmStoresNormalisedValuesAndOpensTheNext(t *testing.T) {
	u := newUnit(t)
	w := u.post(t, "confirm", entryForm("  Nguyễn   Văn An ", "05/03/1987"))
	wantRedirect(t, w, "/review/records/8")
	if len(u.store.confirmed) != 1 {
		t.Fatalf("confirmed %d times, want once", len(u.store.confirmed))
	}
	c := u.store.confirmed[0]
	if c.Version != 3 || c.Values["full_name"] != "Nguyễn Văn An" || c.Values["birth_date"] != "1987-03-05" {
		t.Errorf("confirmation %+v: want version 3, the name's spaces collapsed and the date as ISO", c)
	}
}

func TestConfirmWithTheQueueEmptyGoesHome(t *testing.T) {
	u := newUnit(t)
	u.store.next = 0
	wantRedirect(t, u.post(t, "confirm", entryForm("Nguyễn Văn An", "05/03/1987")), "/?m=queue.empty")
	if len(u.store.confirmed) != 1 {
		t.Fatalf("confirmed %d times, want once", len(u.store.confirmed))
	}
}

func TestConfirmRefusesAnImpossibleDateKeepingWhatWasTyped(t *testing.T) {
	u := newUnit(t)
	w := u.post(t, "confirm", entryForm("Nguyễn Văn Bình", "31/02/1987"))
	wantStatus(t, w, http.StatusUnprocessableEntity)
	if len(u.store.confirmed) != 0 {
		t.Fatal("an entry with an impossible date was confirmed")
	}
	for _, typed := range []string{"31/02/1987", "Nguyễn Văn Bình"} {
		if !strings.Contains(w.Body.String(), typed) {
			t.Errorf("the refused form does not show %q as typed", typed)
		}
	}
}

func TestConfirmRefusesAFormWithoutAField(t *testing.T) {
	u := newUnit(t)
	form := entryForm("Nguyễn Văn An", "05/03/1987")
	form.Del("f.birth_date")
	wantStatus(t, u.post(t, "confirm", form), http.StatusUnprocessableEntity)
	if len(u.store.confirmed) != 0 {
		t.Fatal("a form without a field was confirmed")
	}
}

func TestConfirmOfAStaleFormShowsTheLatestWith409(t *testing.T) {
	u := newUnit(t)
	u.store.decideErr = fmt.Errorf("confirm record 7: %w", errStale)
	reads := u.store.reads
	wantStatus(t, u.post(t, "confirm", entryForm("Nguyễn Văn An", "05/03/1987")), http.StatusConflict)
	if u.store.reads != reads+2 {
		t.Errorf("read the entry %d times, want twice (to check the form, then the latest to show)", u.store.reads-reads)
	}
}

func TestConfirmOfAnotherCommunesEntryIsForbidden(t *testing.T) {
	u := newUnit(t)
	u.store.place.CommuneCode = "99999"
	wantStatus(t, u.post(t, "confirm", entryForm("Nguyễn Văn An", "05/03/1987")), http.StatusForbidden)
	if len(u.store.confirmed) != 0 || len(u.v.asked) != 0 {
		t.Fatalf("another commune's entry was confirmed (%d) or validated (%v)", len(u.store.confirmed), u.v.asked)
	}
}

func TestConfirmWhenTheStoreFailsIs500(t *testing.T) {
	u := newUnit(t)
	u.store.decideErr = errors.New("connection reset")
	w := u.post(t, "confirm", entryForm("Nguyễn Văn An", "05/03/1987"))
	wantStatus(t, w, http.StatusInternalServerError)
	if strings.Contains(w.Body.String(), "connection reset") {
		t.Error("the store's error text reached the page")
	}
}

func TestFlagKeepsWhatWasTypedWithTheDefaultReason(t *testing.T) {
	u := newUnit(t)
	form := url.Values{"version": {"3"}, "f.full_name": {"Nguyễn Văn ?"}, "f.birth_date": {"31/02/1987"}, "reason": {"  "}}
	wantRedirect(t, u.post(t, "flag", form), "/review/records/8?m=flagged")
	if len(u.store.flagged) != 1 {
		t.Fatalf("flagged %d times, want once", len(u.store.flagged))
	}
	f := u.store.flagged[0]
	if f.reason != "thiếu / chưa rõ" {
		t.Errorf("reason %q, want the default", f.reason)
	}
	if f.c.Values["birth_date"] != "31/02/1987" || len(f.c.Issues["birth_date"]) == 0 {
		t.Errorf("impossible date stored as %q with issues %v: want it kept as typed, with its issue",
			f.c.Values["birth_date"], f.c.Issues["birth_date"])
	}
	if f.c.Values["full_name"] != "Nguyễn Văn ?" {
		t.Errorf("name stored as %q", f.c.Values["full_name"])
	}
}

func TestFlagKeepsStoredValuesOfUntouchedAndMissingFields(t *testing.T) {
	u := newUnit(t)
	form := url.Values{"version": {"3"}, "f.birth_date": {"05/03/1987"}, "reason": {"mờ"}}
	wantRedirect(t, u.post(t, "flag", form), "/review/records/8?m=flagged")
	f := u.store.flagged[0]
	if f.reason != "mờ" || f.c.Values["full_name"] != "Nguyen Van An" || f.c.Values["birth_date"] != "1987-03-05" {
		t.Errorf("flag %q with %v: want the reason and both stored values", f.reason, f.c.Values)
	}
	if len(u.v.asked) != 0 {
		t.Errorf("validated %v, want nothing (no value was changed)", u.v.asked)
	}
}

func TestFlagOfAStaleFormIs409(t *testing.T) {
	u := newUnit(t)
	u.store.decideErr = errStale
	wantStatus(t, u.post(t, "flag", url.Values{"version": {"2"}, "reason": {"mờ"}}), http.StatusConflict)
}

func TestReleaseGivesTheEntryBackAndGoesHome(t *testing.T) {
	u := newUnit(t)
	wantRedirect(t, u.post(t, "release", url.Values{"version": {"3"}}), "/?m=released")
	if len(u.store.released) != 1 || u.store.released[0] != 7 {
		t.Fatalf("released %v, want [7]", u.store.released)
	}
}

func TestReleaseOfAStaleFormIs409(t *testing.T) {
	u := newUnit(t)
	u.store.decideErr = errStale
	wantStatus(t, u.post(t, "release", nil), http.StatusConflict)
	if len(u.store.released) != 0 {
		t.Fatal("a stale entry was released")
	}
}

func TestReleaseOfAnUnknownEntryIs404(t *testing.T) {
	u := newUnit(t)
	u.store.rec.ID = 70
	wantStatus(t, u.post(t, "release", nil), http.StatusNotFound)
	if len(u.store.released) != 0 {
		t.Fatal("an unknown entry was released")
	}
}
