package storage

import (
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
)

// Objects is the S3 bucket holding originals (content-addressed, written once, never changed or
// deleted by sohoa) and derived images.
type Objects struct {
	client *minio.Client
	bucket string
	region string
}

// OpenObjects connects to the S3 endpoint. It makes no request; call EnsureBucket.
func OpenObjects(cfg config.S3) (*Objects, error) {
	client, err := minio.New(cfg.Host(), &minio.Options{
		Creds:  credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure: cfg.Secure(),
		Region: cfg.Region,
	})
	if err != nil {
		return nil, fmt.Errorf("object store %s: %w", cfg.Endpoint, err)
	}
	return &Objects{client: client, bucket: cfg.Bucket, region: cfg.Region}, nil
}

// EnsureBucket creates the bucket when it is missing.
func (o *Objects) EnsureBucket(ctx context.Context) error {
	ok, err := o.client.BucketExists(ctx, o.bucket)
	if err != nil {
		return fmt.Errorf("check bucket %s: %w", o.bucket, objErr(err))
	}
	if ok {
		return nil
	}
	err = o.client.MakeBucket(ctx, o.bucket, minio.MakeBucketOptions{Region: o.region})
	if err != nil && minio.ToErrorResponse(err).Code != "BucketAlreadyOwnedByYou" {
		return fmt.Errorf("create bucket %s: %w", o.bucket, objErr(err))
	}
	return nil
}

// Ping checks that the store answers and the bucket exists.
func (o *Objects) Ping(ctx context.Context) error {
	ok, err := o.client.BucketExists(ctx, o.bucket)
	if err != nil {
		return fmt.Errorf("ping object store: %w", objErr(err))
	}
	if !ok {
		return fmt.Errorf("ping object store: bucket %s: %w", o.bucket, domain.ErrNotFound)
	}
	return nil
}

// Original describes a stored original.
type Original struct {
	Key     string
	SHA256  string
	Bytes   int64
	Created bool // false when the same content was already stored
}

// Sums are an original's size and checksums, computed while it was received.
type Sums struct {
	Bytes  int64
	SHA256 string // hex
	MD5    string // hex
}

// HashOriginal reads r to its end and returns its size and checksums.
func HashOriginal(r io.Reader) (Sums, error) {
	sh, m5 := sha256.New(), md5.New()
	size, err := io.Copy(io.MultiWriter(sh, m5), r)
	if err != nil {
		return Sums{}, fmt.Errorf("hash original: %w", err)
	}
	return Sums{Bytes: size, SHA256: hex.EncodeToString(sh.Sum(nil)), MD5: hex.EncodeToString(m5.Sum(nil))}, nil
}

// PutOriginal stores the content of r under originals/<sha256> unless it is there already, then
// verifies what the store holds (size and checksum) before returning. r is read twice (hash, then
// upload), so it must be seekable: a file or a bytes.Reader.
func (o *Objects) PutOriginal(ctx context.Context, r io.ReadSeeker) (Original, error) {
	sums, err := HashOriginal(r)
	if err != nil {
		return Original{}, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return Original{}, fmt.Errorf("rewind original: %w", err)
	}
	return o.PutOriginalSums(ctx, r, sums)
}

// PutOriginalSums is PutOriginal for content whose checksums are already known (computed while
// an upload was received), so it is not read an extra time. r must be at its start.
func (o *Objects) PutOriginalSums(ctx context.Context, r io.Reader, sums Sums) (Original, error) {
	size, sum, md5hex := sums.Bytes, sums.SHA256, sums.MD5
	if size == 0 {
		return Original{}, fmt.Errorf("original is empty: %w", domain.ErrInvalid)
	}
	orig := Original{Key: domain.OriginalKey(sum), SHA256: sum, Bytes: size}

	info, err := o.client.StatObject(ctx, o.bucket, orig.Key, minio.StatObjectOptions{})
	switch {
	case err == nil && info.Size == size:
		return orig, nil // same content, already stored: writing it again would change nothing
	case err == nil:
		return Original{}, fmt.Errorf("original %s is stored with %d bytes, not %d; refusing to overwrite: %w",
			sum, info.Size, size, domain.ErrConflict)
	case minio.ToErrorResponse(err).StatusCode != http.StatusNotFound:
		return Original{}, fmt.Errorf("stat original %s: %w", sum, objErr(err))
	}
	_, err = o.client.PutObject(ctx, o.bucket, orig.Key, r, size, minio.PutObjectOptions{
		ContentType:      "application/octet-stream",
		UserMetadata:     map[string]string{"sha256": sum},
		SendContentMd5:   true, // the store refuses a body that does not match
		DisableMultipart: true, // one part, so the ETag is the MD5 of the content
		// The MD5 already guards the content; signing a SHA-256 of the payload too would read
		// every upload once more.
		DisableContentSha256: true,
	})
	if err != nil {
		return Original{}, fmt.Errorf("put original %s: %w", sum, objErr(err))
	}
	if err := o.verify(ctx, orig, md5hex); err != nil {
		return Original{}, err
	}
	orig.Created = true
	return orig, nil
}

// verify checks the stored object's size and checksum. The single-part ETag is the MD5 of what
// the store holds; stores that encrypt at rest return another ETag, so then the object is read
// back and hashed.
func (o *Objects) verify(ctx context.Context, orig Original, md5hex string) error {
	info, err := o.client.StatObject(ctx, o.bucket, orig.Key, minio.StatObjectOptions{})
	if err != nil {
		return fmt.Errorf("verify original %s: %w", orig.SHA256, objErr(err))
	}
	if info.Size != orig.Bytes {
		return fmt.Errorf("verify original %s: stored %d bytes, sent %d: %w", orig.SHA256, info.Size, orig.Bytes, domain.ErrUnavailable)
	}
	if info.ETag == md5hex {
		return nil
	}
	rc, err := o.Get(ctx, orig.Key)
	if err != nil {
		return err
	}
	defer rc.Close()
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil {
		return fmt.Errorf("verify original %s: read back: %w", orig.SHA256, objErr(err))
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != orig.SHA256 {
		return fmt.Errorf("verify original %s: stored content hashes to %s: %w", orig.SHA256, got, domain.ErrUnavailable)
	}
	return nil
}

// Get opens an object for reading.
func (o *Objects) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	obj, err := o.client.GetObject(ctx, o.bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", key, objErr(err))
	}
	if _, err := obj.Stat(); err != nil {
		obj.Close()
		return nil, fmt.Errorf("get %s: %w", key, objErr(err))
	}
	return obj, nil
}

// PutDerived stores an image made from an original (a cleaned page, a crop). Unlike originals,
// derived objects may be replaced when a page is processed again.
func (o *Objects) PutDerived(ctx context.Context, key, contentType string, r io.Reader, size int64) error {
	if _, err := o.client.PutObject(ctx, o.bucket, key, r, size, minio.PutObjectOptions{ContentType: contentType}); err != nil {
		return fmt.Errorf("put %s: %w", key, objErr(err))
	}
	return nil
}

func objErr(err error) error {
	resp := minio.ToErrorResponse(err)
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.Code == "NoSuchKey" || resp.Code == "NoSuchBucket":
		return fmt.Errorf("%w: %w", domain.ErrNotFound, err)
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return err
	case errors.Is(err, context.Canceled):
		return err
	}
	// Network errors, timeouts and 5xx: the store is not available right now.
	return fmt.Errorf("%w: %w", domain.ErrUnavailable, err)
}

// DiscardUnacknowledged removes an object that an upload wrote but never acknowledged (its scan
// row was never committed, see Store.Unacknowledged). It is the only removal sohoa does: an
// original that any scan refers to is never removed.
func (o *Objects) DiscardUnacknowledged(ctx context.Context, key string) error {
	if err := o.client.RemoveObject(ctx, o.bucket, key, minio.RemoveObjectOptions{}); err != nil {
		return fmt.Errorf("discard %s: %w", key, objErr(err))
	}
	return nil
}
