module knit.test/many_params

go 1.24
