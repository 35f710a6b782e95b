"""URLs of the cases app: the portal's pages (apply, my cases, progress, verification) and the workbench's."""

app_name = "cases"

urlpatterns: list = []
