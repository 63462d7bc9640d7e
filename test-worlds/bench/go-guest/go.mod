module knit.bench/calls

go 1.24
