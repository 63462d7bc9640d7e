// The `hard-several-names` scenario's Go guest: one interface imported under three names (each
// its own package, types and resource) and exported under a fourth.
package main

import (
	"fmt"

	"knit.test/hard_several_names/bindings/cm"
	"knit.test/hard_several_names/bindings/exports/hard_several_names/backup"
	"knit.test/hard_several_names/bindings/hard_several_names"
	"knit.test/hard_several_names/bindings/hard_several_names/primary"
	"knit.test/hard_several_names/bindings/hard_several_names/secondary"
	"knit.test/hard_several_names/bindings/knit/hard_several_names/store"
)

// live counts the guest's own buckets alive.
var live uint32

type myBucket struct{ name string }

func (b *myBucket) Name() string { return "backup/" + b.name }

func (b *myBucket) Get(key string) cm.Result[cm.Option[[]uint8], backup.Error] {
	switch key {
	case "nope":
		return cm.Ok[cm.Option[[]uint8], backup.Error](cm.None[[]uint8]())
	case "err":
		return cm.Err[cm.Option[[]uint8]](backup.ErrorMissing(key))
	}
	return cm.Ok[cm.Option[[]uint8], backup.Error](cm.Some([]uint8("backup/" + b.name + "/" + key)))
}

// Drop runs when the host drops its handle.
func (b *myBucket) Drop() { live-- }

type backupImpl struct{}

func (backupImpl) Open(name string) cm.Result[backup.Bucket, backup.Error] {
	switch name {
	case "nope":
		return cm.Err[backup.Bucket](backup.ErrorMissing(name))
	case "":
		return cm.Err[backup.Bucket](backup.ErrorOther())
	}
	live++
	return cm.Ok[backup.Bucket, backup.Error](&myBucket{name: name})
}

func (backupImpl) Get(key string) cm.Option[string] {
	if key == "nope" {
		return cm.None[string]()
	}
	return cm.Some("backup:" + key)
}

// opt is `some(V)` or `none`.
func opt(o cm.Option[string]) string {
	if v, ok := o.Get(); ok {
		return "some(" + v + ")"
	}
	return "none"
}

// describeGet is a bucket's answer to get as a line.
func describeGet[E any](r cm.Result[cm.Option[[]uint8], E], errorOf func(E) string) string {
	if r.IsErr() {
		return "err(" + errorOf(r.Err()) + ")"
	}
	if v, ok := r.OK().Get(); ok {
		return "ok(some(" + string(v) + "))"
	}
	return "ok(none)"
}

// bucket is any import's bucket.
type bucket interface {
	Name() string
	describeGet(key string) string
	Drop()
}

// storeImport is one import of `store`: its label and functions.
type storeImport struct {
	label string
	get   func(string) cm.Option[string]
	// open returns the bucket, or the error as text.
	open func(string) (bucket, string)
}

func primaryError(e primary.Error) string {
	if e.Tag() == primary.ErrorTagMissing {
		return "missing(" + e.Missing() + ")"
	}
	return "other"
}

type primaryBucket struct{ primary.Bucket }

func (b primaryBucket) describeGet(key string) string { return describeGet(b.Get(key), primaryError) }

var primaryStore = storeImport{"primary", primary.Get, func(name string) (bucket, string) {
	r := primary.Open(name)
	if r.IsErr() {
		return nil, primaryError(r.Err())
	}
	return primaryBucket{r.OK()}, ""
}}

func secondaryError(e secondary.Error) string {
	if e.Tag() == secondary.ErrorTagMissing {
		return "missing(" + e.Missing() + ")"
	}
	return "other"
}

type secondaryBucket struct{ secondary.Bucket }

func (b secondaryBucket) describeGet(key string) string {
	return describeGet(b.Get(key), secondaryError)
}

var secondaryStore = storeImport{"secondary", secondary.Get, func(name string) (bucket, string) {
	r := secondary.Open(name)
	if r.IsErr() {
		return nil, secondaryError(r.Err())
	}
	return secondaryBucket{r.OK()}, ""
}}

func storeError(e store.Error) string {
	if e.Tag() == store.ErrorTagMissing {
		return "missing(" + e.Missing() + ")"
	}
	return "other"
}

type storeBucket struct{ store.Bucket }

func (b storeBucket) describeGet(key string) string { return describeGet(b.Get(key), storeError) }

var plainStore = storeImport{"store", store.Get, func(name string) (bucket, string) {
	r := store.Open(name)
	if r.IsErr() {
		return nil, storeError(r.Err())
	}
	return storeBucket{r.OK()}, ""
}}

// use gives the same lines for each import: its functions, then a bucket's methods, and returns
// the bucket (kept alive so the buckets of all three are alive at once).
func (s storeImport) use(lines *[]string) bucket {
	*lines = append(*lines, fmt.Sprintf("%s.get(k) = %s", s.label, opt(s.get("k"))))
	*lines = append(*lines, fmt.Sprintf("%s.get(nope) = %s", s.label, opt(s.get("nope"))))
	for _, name := range []string{"nope", ""} {
		got := "ok"
		if b, err := s.open(name); b != nil {
			b.Drop()
		} else {
			got = "err(" + err + ")"
		}
		*lines = append(*lines, fmt.Sprintf("%s.open(%s) = %s", s.label, name, got))
	}
	b, err := s.open("b")
	if b == nil {
		panic("open(b) failed: " + err)
	}
	*lines = append(*lines, fmt.Sprintf("%s bucket.name() = %s", s.label, b.Name()))
	for _, key := range []string{"k", "nope", "err"} {
		*lines = append(*lines, fmt.Sprintf("%s bucket.get(%s) = %s", s.label, key, b.describeGet(key)))
	}
	return b
}

type component struct{}

func (component) BackupLive() uint32 { return live }

func (component) Exercise() []string {
	lines := []string{}
	p := primaryStore.use(&lines)
	s := secondaryStore.use(&lines)
	d := plainStore.use(&lines)
	// Every bucket is still its own instance's after the others were made.
	lines = append(lines, fmt.Sprintf("names: %s, %s, %s", p.Name(), s.Name(), d.Name()))
	s.Drop()
	p.Drop()
	d.Drop()
	return lines
}

func init() {
	hard_several_names.SetExports(component{})
	backup.SetExports(backupImpl{})
}

func main() {}
