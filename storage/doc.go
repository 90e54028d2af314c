// Package storage keeps sohoa's state: PostgreSQL through a pgx pool (schema in embedded,
// versioned migrations; River's job tables beside ours) and page images in an S3 object store
// through minio-go. It is the only package that imports either driver; their errors are
// translated to the domain's sentinel errors here.
package storage
