from django.urls import path

from onewindow.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("halls/", views.halls, name="halls"),
    path("departments/", views.departments, name="departments"),
]
