module knit.test/errors

go 1.24
