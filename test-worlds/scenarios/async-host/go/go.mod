module knit.test/async_host

go 1.24
