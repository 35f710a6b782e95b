"""URLs of the cases app, one module per audience: the portal (apply, my cases, progress), the
workbench (queues, case pages, window intake) and documents (download, public verification)."""

from onewindow.cases.urls import documents, portal, workbench

app_name = "cases"

urlpatterns = [*portal.urlpatterns, *workbench.urlpatterns, *documents.urlpatterns]
