package storage

import (
	"context"
	"fmt"

	"github.com/minio/minio-go/v7"
)

// ObjectInfo is one object of the bucket as listed.
type ObjectInfo struct {
	Key  string
	Size int64
}

// List returns every object whose key starts with prefix ("" for all), in key order.
func (o *Objects) List(ctx context.Context, prefix string) ([]ObjectInfo, error) {
	var out []ObjectInfo
	for obj := range o.client.ListObjects(ctx, o.bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if obj.Err != nil {
			return nil, fmt.Errorf("list %s/%s: %w", o.bucket, prefix, objErr(obj.Err))
		}
		out = append(out, ObjectInfo{Key: obj.Key, Size: obj.Size})
	}
	return out, nil
}
