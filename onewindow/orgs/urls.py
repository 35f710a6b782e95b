from django.urls import path

from onewindow.orgs import views

app_name = "orgs"

urlpatterns = [
    path("", views.index, name="index"),
    path("departments/<int:pk>/", views.department, name="department"),
    path("departments/<int:department_id>/units/new/", views.unit_create, name="unit_create"),
    path("units/<int:pk>/edit/", views.unit_edit, name="unit_edit"),
    path("halls/<int:hall_id>/windows/new/", views.window_create, name="window_create"),
    path("windows/<int:pk>/edit/", views.window_edit, name="window_edit"),
]
