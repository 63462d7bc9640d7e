module knit.test/hard_fallible_constructors

go 1.24
