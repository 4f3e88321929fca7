// Package objectstorage shows mediaprobe reading objects in S3-style
// storage through the Go SDKs of AWS S3, MinIO, Alibaba Cloud OSS and Baidu
// Cloud BOS: for each SDK an io.ReaderAt that turns every ReadAt into one
// ranged GET of the object (MinIO's *minio.Object already is one), handed
// to probe.ReaderAt with the object's size.
//
// The adapters count nothing: the probe's Info.Stats counts the reads, and
// so the requests, a probe costs (usually one or two). Each reader keeps
// the context it was made with and passes it to every request, so that a
// probe abandoned by its context also ends the request in flight.
//
// The examples and tests run against an in-memory S3-compatible server
// (gofakes3) inside the test process; nothing goes over the network.
package objectstorage
