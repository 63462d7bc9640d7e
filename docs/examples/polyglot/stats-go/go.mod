module demo.knit/stats

go 1.24
