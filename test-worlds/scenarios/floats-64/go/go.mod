module knit.test/floats_64

go 1.24
