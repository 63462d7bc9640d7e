module knit.test/keywords

go 1.24
