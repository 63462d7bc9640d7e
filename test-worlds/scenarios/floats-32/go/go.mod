module knit.test/floats_32

go 1.24
