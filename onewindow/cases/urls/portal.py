"""portal URLs of the cases app (see urls/__init__.py): apply online, my cases, public progress."""

from django.urls import path

from onewindow.cases.views import portal

urlpatterns = [
    path("apply/draft/<int:pk>/", portal.apply_draft, name="apply_draft"),
    path("apply/draft/<int:pk>/review/", portal.apply_review, name="apply_review"),
    path("apply/draft/<int:pk>/submit/", portal.apply_submit, name="apply_submit"),
    path("apply/draft/<int:pk>/materials/<str:code>/", portal.draft_material_file, name="draft_material_file"),
    path("apply/done/<str:number>/", portal.apply_done, name="apply_done"),
    path("apply/<str:code>/", portal.apply, name="apply"),
    path("my/cases/", portal.my_cases, name="my_cases"),
    path("my/cases/<str:number>/", portal.my_case, name="my_case"),
    path("my/cases/<str:number>/materials/<str:code>/", portal.my_case_material, name="my_case_material"),
    path("my/cases/<str:number>/act/<slug:action>/", portal.my_case_act, name="my_case_act"),
    path("progress/", portal.progress, name="progress"),
    path("progress/text", portal.progress_text, name="progress_text"),
]
