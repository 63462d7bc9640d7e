module knit.test/resources_lend_to_guest

go 1.24
