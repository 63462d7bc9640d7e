// The `resources-borrow-own` scenario's Go guest.
package main

import (
	"fmt"

	"knit.test/resources_borrow_own/bindings/resources_borrow_own"
	"knit.test/resources_borrow_own/bindings/exports/knit/resources_borrow_own/boxes"
	"knit.test/resources_borrow_own/bindings/knit/resources_borrow_own/tokens"
)

var live uint32

// box is the guest's value behind a `box` handle.
type box struct{ label string }

func (b *box) Label() string { return b.label }

// Drop runs when the last handle is dropped, or when the guest is given the box back by value.
func (b *box) Drop() { live-- }

type boxesImpl struct{}

func (boxesImpl) NewBox(label string) boxes.Box {
	live++
	return &box{label: label}
}

// Open receives the box by value: the guest owns it now, and is done with it.
func (boxesImpl) Open(b boxes.Box) string {
	defer b.(*box).Drop()
	return b.Label()
}

func (boxesImpl) Peek(b boxes.Box) string { return b.Label() }

func (boxesImpl) Live() uint32 { return live }

type component struct{}

// TakeToken receives a host token by value and drops it when done.
func (component) TakeToken(t resources_borrow_own.Token) uint32 {
	defer t.Drop()
	return t.Id()
}

func (component) Exercise() error {
	t := tokens.NewToken(7)
	if peeked := tokens.Peek(t); peeked != 7 || t.Id() != 7 {
		return fmt.Errorf("peek returned %d", peeked)
	}
	if consumed := tokens.Consume(t); consumed != 7 {
		return fmt.Errorf("consume returned %d", consumed)
	}
	return nil
}

func init() {
	resources_borrow_own.SetExports(component{})
	boxes.SetExports(boxesImpl{})
}

func main() {}
