from django.urls import path

from onewindow.workdays import views

app_name = "workdays"

urlpatterns = [
    path("", views.index, name="index"),
    path("enter/", views.enter, name="enter"),
    path("<int:year>/delete/", views.delete, name="delete"),
]
