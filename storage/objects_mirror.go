package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/minio/minio-go/v7"

	"github.com/sohoa/sohoa/domain"
)

// MirrorStats count what a mirror did.
type MirrorStats struct {
	Objects int   // objects in the source
	Copied  int   // copied because the destination lacked them or held another size
	Bytes   int64 // bytes copied
}

// MirrorTo copies every object of this bucket that dst lacks (or holds with another size) into
// dst's bucket, creating it when missing; it never removes anything. An original's content is
// hashed while it is copied and must match the checksum its key names, so a backup never holds
// a damaged original silently. Run it again to bring a backup up to date (backup), or from the
// backup to an empty bucket (restore).
func (o *Objects) MirrorTo(ctx context.Context, dst *Objects) (MirrorStats, error) {
	var st MirrorStats
	if err := dst.EnsureBucket(ctx); err != nil {
		return st, err
	}
	have, err := dst.List(ctx, "")
	if err != nil {
		return st, err
	}
	sizes := make(map[string]int64, len(have))
	for _, h := range have {
		sizes[h.Key] = h.Size
	}
	src, err := o.List(ctx, "")
	if err != nil {
		return st, err
	}
	st.Objects = len(src)
	for _, obj := range src {
		if size, ok := sizes[obj.Key]; ok && size == obj.Size {
			continue
		}
		if err := o.copyObject(ctx, dst, obj); err != nil {
			return st, err
		}
		st.Copied++
		st.Bytes += obj.Size
	}
	return st, nil
}

// copyObject streams one object to dst, checking an original against its key's checksum.
func (o *Objects) copyObject(ctx context.Context, dst *Objects, obj ObjectInfo) error {
	rc, err := o.client.GetObject(ctx, o.bucket, obj.Key, minio.GetObjectOptions{})
	if err != nil {
		return fmt.Errorf("mirror get %s: %w", obj.Key, objErr(err))
	}
	defer rc.Close()
	info, err := rc.Stat()
	if err != nil {
		return fmt.Errorf("mirror stat %s: %w", obj.Key, objErr(err))
	}
	h := sha256.New()
	opts := minio.PutObjectOptions{ContentType: info.ContentType, UserMetadata: map[string]string{}}
	for k, v := range info.UserMetadata {
		opts.UserMetadata[k] = v
	}
	_, err = dst.client.PutObject(ctx, dst.bucket, obj.Key, io.TeeReader(rc, h), info.Size, opts)
	if err != nil {
		return fmt.Errorf("mirror put %s: %w", obj.Key, objErr(err))
	}
	if want, ok := strings.CutPrefix(obj.Key, domain.OriginalKey("")); ok {
		if got := hex.EncodeToString(h.Sum(nil)); got != want {
			_ = dst.client.RemoveObject(ctx, dst.bucket, obj.Key, minio.RemoveObjectOptions{})
			return fmt.Errorf("mirror %s: the source's content hashes to %s: %w", obj.Key, got, domain.ErrConflict)
		}
	}
	return nil
}
