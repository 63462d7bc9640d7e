module knit.test/resources_borrow_own

go 1.24
