module knit.test/bools

go 1.24
