module knit.test/with_wasi

go 1.24
