module knit.test/tuples

go 1.24
