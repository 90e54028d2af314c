package review_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/match"
	"github.com/sohoa/sohoa/population"
	"github.com/sohoa/sohoa/review"
)

// linkCitizens is a small population extract: the person of the seeded entries (birthValues),
// with the parents the register gives, and a namesake born the same day elsewhere whose parents
// the extract does not know.
const linkCitizens = `so_dinh_danh,ho_ten,gioi_tinh,ngay_sinh,noi_sinh,que_quan,ho_ten_cha,nam_sinh_cha,ho_ten_me,nam_sinh_me,noi_cu_tru
019096000001,Ma Quang Quân,Nam,08/06/1996,"Phường Gia Sàng, Thành phố Thái Nguyên, Tỉnh Thái Nguyên",Tỉnh Thái Nguyên,Ma Văn Hùng,1970,Hoàng Thị Hoa,1972,"Phường Gia Sàng, Thành phố Thái Nguyên, Tỉnh Thái Nguyên"
006096000002,Ma Quang Quân,Nam,08/06/1996,"Xã Bằng Thành, Huyện Pác Nặm, Tỉnh Bắc Kạn",Tỉnh Bắc Kạn,,,,,"Xã Bằng Thành, Huyện Pác Nặm, Tỉnh Bắc Kạn"
`

// confirmAll marks a ledger's seeded entries confirmed, as clerks would have.
func (b *bundle) confirmAll(t testing.TB, ids []int64) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `UPDATE records SET status = 'confirmed' WHERE id = ANY($1)`, ids); err != nil {
		t.Fatal(err)
	}
}

// matchSetup imports the extract and matches the ledger's confirmed entries.
func matchSetup(t *testing.T, b *bundle, n int) []int64 {
	t.Helper()
	ctx := context.Background()
	ids := b.seed(t, b.ledger, n)
	b.confirmAll(t, ids)
	if _, err := population.Import(ctx, strings.NewReader(linkCitizens), b.store, population.Options{}); err != nil {
		t.Fatal(err)
	}
	m, err := match.Open(ctx, b.store, match.DefaultThresholds)
	if err != nil {
		t.Fatal(err)
	}
	st, err := match.MatchLedger(ctx, b.store, m, b.ledger.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != n || st.Duplicates == 0 {
		t.Fatalf("matched %d entries with %d duplicate pairs, want %d entries and some pairs", st.Entries, st.Duplicates, n)
	}
	return ids
}

// A supervisor reviews links by keyboard at 1366×768: the candidates beside the entry, the
// namesake's differing place highlighted; ↓ and Enter accept the second candidate, F8 says "no
// match", F9 sends to the police; every decision is stored and audited.
func TestBrowserLinkReviewByKeyboard(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := matchSetup(t, b, 3)
	tb := newTab(t, b)
	tb.do("viewport 1366×768", chromedp.EmulateViewport(1366, 768))
	tb.login("giamsat", b.password)

	path := fmt.Sprintf("/matches/%d", ids[0])
	tb.open(path + "?person=")
	tb.waitFor(path, "cand-0")
	if got := eval[int](tb, `document.querySelectorAll("#candidates thead input[name=citizen]").length`); got != 2 {
		t.Fatalf("candidates shown: got %d, want 2", got)
	}
	if got := eval[string](tb, `document.querySelector("#cand-0").value`); got != "019096000001" {
		t.Errorf("best candidate: got %q, want 019096000001 (the one with the register's parents)", got)
	}
	differ := eval[string](tb, `Array.from(document.querySelectorAll("#candidates td.differ")).map(td => td.textContent).join(" | ")`)
	if !strings.Contains(differ, "Bắc Kạn") {
		t.Errorf("the namesake's place of birth is not highlighted as differing: differing cells %q", differ)
	}
	if w := eval[int](tb, `document.documentElement.scrollWidth`); w > 1366 {
		t.Errorf("page is %d px wide, wider than the 1366 px screen", w)
	}
	tb.shot("match-review")

	tb.press(kb.ArrowDown, kb.Enter)
	b.waitStatus(t, ids[0], domain.MatchAccepted, "006096000002")
	tb.waitFor("/matches", "") // the proposals left: back to the list

	tb.open(fmt.Sprintf("/matches/%d?person=", ids[1]))
	tb.waitFor(fmt.Sprintf("/matches/%d", ids[1]), "cand-0")
	tb.press(kb.F8)
	b.waitStatus(t, ids[1], domain.MatchRejected, "")
	tb.waitFor("/matches", "") // the proposals left: back to the list

	tb.open(fmt.Sprintf("/matches/%d?person=", ids[2]))
	tb.waitFor(fmt.Sprintf("/matches/%d", ids[2]), "cand-0")
	tb.press(kb.F9)
	b.waitStatus(t, ids[2], domain.MatchPolice, "")
	tb.waitFor("/matches", "") // the proposals left: back to the list

	trail, err := b.store.AuditTrail(context.Background(), "record", ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if !hasEvent(trail, "match.decide", "proposed", "006096000002") {
		t.Errorf("no audit event for the accepted link: %+v", trail)
	}
}

// waitStatus polls (with the step deadline) until the entry's link has the status and citizen.
func (b *bundle) waitStatus(t *testing.T, id int64, want domain.MatchStatus, citizen string) {
	t.Helper()
	var got domain.RecordMatch
	for deadline := time.Now().Add(stepTimeout); time.Now().Before(deadline); time.Sleep(25 * time.Millisecond) {
		ms, err := b.store.RecordMatches(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 1 && ms[0].Status == want && ms[0].CitizenID == citizen {
			return
		}
		if len(ms) == 1 {
			got = ms[0]
		}
	}
	t.Fatalf("record %d: link %s %q, want %s %q", id, got.Status, got.CitizenID, want, citizen)
}

// Pairs of entries naming the same person are shown to a supervisor side by side and judged
// with one button; nothing is merged.
func TestDuplicatesShownAndJudged(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := matchSetup(t, b, 2)
	sup := b.login(t, "giamsat")
	resp, body := sup.get("/duplicates")
	if resp.StatusCode != 200 || !strings.Contains(body, fmt.Sprintf(`href="/review/records/%d"`, ids[1])) {
		t.Fatalf("/duplicates: got %d without the pair of entries %v", resp.StatusCode, ids)
	}
	pairs, err := b.store.Duplicates(context.Background(), domain.User{Role: domain.RoleAdmin}, 10)
	if err != nil || len(pairs) != 1 {
		t.Fatalf("open pairs: got %d (%v), want 1", len(pairs), err)
	}
	if r := sup.post(fmt.Sprintf("/duplicates/%d/decide", pairs[0].ID), map[string][]string{"status": {"merge"}}); r.StatusCode != 422 && r.StatusCode != 400 {
		t.Errorf("an unknown verdict: got %d, want 400 or 422", r.StatusCode)
	}
	if r := sup.post(fmt.Sprintf("/duplicates/%d/decide", pairs[0].ID), map[string][]string{"status": {"same"}}); r.StatusCode != 303 {
		t.Fatalf("verdict: got %d, want 303", r.StatusCode)
	}
	if left, _ := b.store.Duplicates(context.Background(), domain.User{Role: domain.RoleAdmin}, 10); len(left) != 0 {
		t.Errorf("open pairs after the verdict: got %d, want 0", len(left))
	}
	for _, id := range ids { // both entries are still there, confirmed, unmerged
		rec, err := b.store.Record(context.Background(), id)
		if err != nil || rec.Status != domain.RecordConfirmed {
			t.Errorf("record %d after the verdict: %v %v, want confirmed", id, rec.Status, err)
		}
	}
	clerk := b.login(t, "canbo")
	if r, _ := clerk.get("/duplicates"); r.StatusCode != 403 {
		t.Errorf("a clerk on /duplicates: got %d, want 403", r.StatusCode)
	}
	// The export carries the link.
	_, csv := sup.get(fmt.Sprintf("/ledgers/%d/export.csv", b.ledger.ID))
	if !strings.Contains(csv, "so_dinh_danh,match_status") || !strings.Contains(csv, "019096000001,proposed") {
		t.Errorf("export lacks the link columns or the proposed link:\n%s", csv)
	}
}
