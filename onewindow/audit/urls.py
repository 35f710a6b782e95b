from django.urls import path

from onewindow.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.index, name="index"),
    path("object/<str:object_type>/<path:object_id>/", views.object_trail, name="object"),
]
