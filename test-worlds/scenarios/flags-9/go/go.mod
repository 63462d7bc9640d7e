module knit.test/flags_9

go 1.24
