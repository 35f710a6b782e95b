"""documents URLs of the cases app (see urls/__init__.py): the PDF download and the public
verification page printed as a QR code on every document."""

from django.urls import path

from onewindow.cases.views import documents

urlpatterns = [
    path("documents/<int:pk>/download/", documents.document_download, name="document_download"),
    path("verify/<str:code>/", documents.document_verify, name="document_verify"),
]
