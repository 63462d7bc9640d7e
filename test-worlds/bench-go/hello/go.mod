module knit.bench/hello

go 1.24
