module knit.test/compose_go_rust

go 1.24
