package storage_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage/storagetest"
)

func TestPutOriginalIsContentAddressedAndWrittenOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	objects := storagetest.Objects(t)
	data := make([]byte, 3<<20+17) // a 3 MB scan, not a round size
	_, _ = rand.Read(data)
	sum := sha256.Sum256(data)

	first, err := objects.PutOriginal(ctx, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if want := "originals/" + hex.EncodeToString(sum[:]); first.Key != want || !first.Created || first.Bytes != int64(len(data)) {
		t.Fatalf("got %+v, want key %s, created, %d bytes", first, want, len(data))
	}
	if got := storagetest.ReadAll(t, objects, first.Key); !bytes.Equal(got, data) {
		t.Fatalf("read back %d bytes that differ from the %d written", len(got), len(data))
	}

	second, err := objects.PutOriginal(ctx, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if second.Created || second.Key != first.Key {
		t.Fatalf("second write: got %+v, want the same key and Created=false", second)
	}
	if got := storagetest.ReadAll(t, objects, first.Key); !bytes.Equal(got, data) {
		t.Fatal("content changed after the second write")
	}
}

func TestPutOriginalRefusesEmpty(t *testing.T) {
	t.Parallel()
	_, err := storagetest.Objects(t).PutOriginal(context.Background(), bytes.NewReader(nil))
	if !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("got %v, want ErrInvalid", err)
	}
}

func TestGetMissingIsNotFound(t *testing.T) {
	t.Parallel()
	_, err := storagetest.Objects(t).Get(context.Background(), "originals/"+hex.EncodeToString(make([]byte, 32)))
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("got %v, want ErrNotFound", err)
	}
}
