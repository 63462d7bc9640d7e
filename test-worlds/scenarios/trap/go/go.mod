module knit.test/trap

go 1.24
