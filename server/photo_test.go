package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/synth"
	synthphoto "github.com/sohoa/sohoa/synth/photo"
)

// photoJPEG photographs synthetic pages (one, or two facing ones) with the fault named.
func photoJPEG(t *testing.T, pages []int, fault string) []byte {
	t.Helper()
	opts := synth.Options{Seed: 31, Layout: synth.LayoutForm, Severity: synth.SeverityLight}
	ps, err := synthphoto.RenderPages(opts, pages)
	if err != nil {
		t.Fatal(err)
	}
	ph, err := synthphoto.Photograph(ps, opts.Seed, len(pages), fault)
	if err != nil {
		t.Fatal(err)
	}
	data, err := synthphoto.EncodeJPEG(ph.Image)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A phone photo of an open book sent once becomes two pages, left N and right N+1; sent again it
// is the same two scans. A photo to take again is refused with the reason, in Vietnamese first.
func TestUploadOfASpreadPhotoMakesTwoPages(t *testing.T) {
	t.Parallel()
	b := setup(t)
	spread := photoJPEG(t, []int{0, 1}, "")
	u := b.upload(t, 5, spread, http.StatusCreated)
	if len(u.Scans) != 2 || u.Scans[0].Page != 5 || u.Scans[1].Page != 6 {
		t.Fatalf("got scans %+v, want pages 5 and 6", u.Scans)
	}
	for i, want := range []string{"left", "right"} {
		var sc struct{ Side string }
		b.do(t, "GET", fmt.Sprintf("/api/v1/scans/%d", u.Scans[i].ID), "", nil, http.StatusOK, &sc)
		if sc.Side != want {
			t.Errorf("page %d: got side %q, want %q", u.Scans[i].Page, sc.Side, want)
		}
	}
	again := b.upload(t, 5, spread, http.StatusOK)
	if len(again.Scans) != 2 || again.Scans[0].ID != u.Scans[0].ID || again.Scans[1].ID != u.Scans[1].ID {
		t.Errorf("sent again: got %+v, want the same two scans %+v", again.Scans, u.Scans)
	}

	blurred := photoJPEG(t, []int{2}, "blurred")
	msg := refused(t, b, blurred, http.StatusUnprocessableEntity)
	if !strings.Contains(msg, "Chụp lại") || !strings.Contains(msg, "mờ") {
		t.Errorf("blurred photo: got %q, want \"Chụp lại\" and the reason (mờ)", msg)
	}
	heic := append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 4096)...)
	if msg := refused(t, b, heic, http.StatusUnsupportedMediaType); !strings.Contains(msg, "Định dạng ảnh HEIC chưa hỗ trợ") {
		t.Errorf("HEIC: got %q, want the Vietnamese explanation", msg)
	}
}

func refused(t *testing.T, b bundle, data []byte, want int) string {
	t.Helper()
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/ledgers/%d/scans?page=9", b.url, b.ledger), bytes.NewReader(data))
	req.Header.Set("Authorization", "Bearer "+b.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e struct{ Error string }
	_ = json.NewDecoder(resp.Body).Decode(&e)
	if resp.StatusCode != want {
		t.Fatalf("got %d %q, want %d", resp.StatusCode, e.Error, want)
	}
	return e.Error
}
