// The `resources-passed-back` scenario's Go guest.
package main

import (
	"errors"
	"fmt"

	"knit.test/resources_passed_back/bindings/resources_passed_back"
	"knit.test/resources_passed_back/bindings/exports/knit/resources_passed_back/jar"
	"knit.test/resources_passed_back/bindings/knit/resources_passed_back/keys"
)

var live uint32

// cookie is the guest's value behind a `cookie` handle.
type cookie struct{ flavor string }

// Drop runs when the last handle is dropped, or when the guest eats the cookie.
func (c *cookie) Drop() { live-- }

type jarImpl struct{}

func (jarImpl) NewCookie(flavor string) jar.Cookie {
	live++
	return &cookie{flavor: flavor}
}

func (jarImpl) Flavor(c jar.Cookie) string { return c.(*cookie).flavor }

func (jarImpl) Eat(c jar.Cookie) string {
	eaten := c.(*cookie)
	eaten.Drop()
	return eaten.flavor
}

func (jarImpl) Live() uint32 { return live }

type component struct{}

func (component) Exercise() error {
	a := keys.Issue("alpha")
	b := keys.Issue("beta")
	if !keys.IsIssuedAs(a, "alpha") || !keys.IsIssuedAs(b, "beta") {
		return errors.New("the host does not recognise its own keys")
	}
	if keys.IsIssuedAs(a, "beta") {
		return errors.New("the host confused two keys")
	}
	if name := a.Name(); name != "alpha" {
		return fmt.Errorf("key name is %s", name)
	}
	if name := keys.Revoke(b); name != "beta" {
		return fmt.Errorf("revoke returned %s", name)
	}
	a.Drop()
	return nil
}

func init() {
	resources_passed_back.SetExports(component{})
	jar.SetExports(jarImpl{})
}

func main() {}
