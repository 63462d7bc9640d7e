module knit.test/many_results

go 1.24
