from django.urls import path

from onewindow.catalog.views import files

urlpatterns = [
    path("requests/<int:pk>/entries/<int:version_id>/files/", files.material_files, name="material_files"),
]
