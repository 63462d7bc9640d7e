// The `errors` scenario's Go guest.
package main

import (
	"fmt"
	"math"
	"reflect"

	"knit.test/errors/bindings/errors"
	"knit.test/errors/bindings/cm"
	"knit.test/errors/bindings/knit/errors/host"
	"knit.test/errors/bindings/knit/errors/types"
)

type component struct{}

func (component) ReadLen(path string) cm.Result[uint32, types.FsError] {
	r := host.Read(path)
	if r.IsErr() {
		return cm.Err[uint32](r.Err())
	}
	return cm.Ok[uint32, types.FsError](uint32(len(r.OK())))
}

func (component) Validate(name string) cm.Result[string, types.FsError] {
	switch n := len(name); {
	case n == 0:
		return cm.Err[string](types.FsErrorDenied())
	case n > 8:
		return cm.Err[string](types.FsErrorTooBig(uint64(n)))
	}
	return cm.Ok[string, types.FsError](name)
}

func check(what string, got, want any) error {
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%s: got %+v, want %+v", what, got, want)
	}
	return nil
}

func (component) CheckImports() error {
	for _, err := range []error{
		check("read ok", host.Read("/hello"), cm.Ok[string, types.FsError]("hi there")),
		check("read missing", host.Read("/nope"), cm.Err[string](types.FsErrorNotFound("/nope"))),
		check("read denied", host.Read("/secret"), cm.Err[string](types.FsErrorDenied())),
		check("size ok", host.CheckSize(1000), cm.Ok[uint64, types.FsError](1000)),
		check("size too big", host.CheckSize(math.MaxUint64), cm.Err[uint64](types.FsErrorTooBig(math.MaxUint64))),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { errors.SetExports(component{}) }

func main() {}
