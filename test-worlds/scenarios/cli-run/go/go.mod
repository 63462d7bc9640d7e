module knit.test/cli_run

go 1.24
