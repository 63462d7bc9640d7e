module knit.test/lists_large

go 1.24
