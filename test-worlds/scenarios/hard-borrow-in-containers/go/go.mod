module knit.test/hard_borrow_in_containers

go 1.24
