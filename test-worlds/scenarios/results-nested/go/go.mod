module knit.test/results_nested

go 1.24
