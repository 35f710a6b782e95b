"""Statistics pages, mounted at /workbench/supervision/statistics/ (namespace `statistics`)."""

from django.urls import path

from onewindow.supervision.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("report/<int:department>/<str:month>/", views.report, name="report"),
    path("<slug:group>/", views.table, name="table"),
    path("<slug:group>/export/", views.export, name="export"),
]
