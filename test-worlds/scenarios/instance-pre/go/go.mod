module knit.test/instance_pre

go 1.24
