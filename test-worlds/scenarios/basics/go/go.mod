module knit.test/basics

go 1.24
