// The `resources-import` scenario's Go guest.
package main

import (
	"fmt"
	"reflect"

	"knit.test/resources_import/bindings/resources_import"
	"knit.test/resources_import/bindings/knit/resources_import/blobs"
)

type component struct{}

var held []blobs.Blob

func check(what string, got, want any) error {
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%s: got %v, want %v", what, got, want)
	}
	return nil
}

func (component) Exercise() error {
	before := blobs.Live()
	a := blobs.NewBlob([]uint8{1, 2, 3})
	if err := check("size", a.Size(), uint32(3)); err != nil {
		return err
	}
	a.Append([]uint8{4})
	a.Append(nil)
	if err := check("read", a.Read(), []uint8{1, 2, 3, 4}); err != nil {
		return err
	}
	b := blobs.BlobFromString("héllo")
	if err := check("from-string size", b.Size(), uint32(6)); err != nil {
		return err
	}
	if err := check("live with two", blobs.Live(), before+2); err != nil {
		return err
	}
	a.Drop()
	if err := check("live after drop", blobs.Live(), before+1); err != nil {
		return err
	}
	b.Drop()
	return check("live after both", blobs.Live(), before)
}

func (component) Hold(n uint32) {
	for i := range n {
		held = append(held, blobs.NewBlob([]uint8{uint8(i)}))
	}
}

func (component) Release() {
	for _, b := range held {
		b.Drop()
	}
	held = nil
}

func init() { resources_import.SetExports(component{}) }

func main() {}
