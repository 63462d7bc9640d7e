module knit.bench/plain

go 1.24
