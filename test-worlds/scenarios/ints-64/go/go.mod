module knit.test/ints_64

go 1.24
