"""Statistics of electronic supervision (电子监察统计): daily aggregates kept incrementally, their recount,
the dashboards, Excel exports, the monthly PDF report and the summary API. See docs/statistics.md."""
