module knit.test/hard_several_names

go 1.24
