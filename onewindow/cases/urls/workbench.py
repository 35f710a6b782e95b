"""workbench URLs of the cases app (see urls/__init__.py): the queues, the case pages and window intake."""

from django.urls import path

from onewindow.cases.views import intake, workbench

PREFIX = "workbench/cases/"

urlpatterns = [
    path(PREFIX, workbench.case_queue, name="queue"),
    path(f"{PREFIX}tasks/", workbench.task_queue, name="task_queue"),
    path(f"{PREFIX}intake/", intake.intake, name="intake"),
    path(f"{PREFIX}intake/<str:code>/", intake.intake_item, name="intake_item"),
    path(f"{PREFIX}<str:number>/", workbench.case_detail, name="case"),
    path(f"{PREFIX}<str:number>/receipt/", intake.intake_done, name="intake_done"),
    path(f"{PREFIX}<str:number>/documents/", workbench.case_documents, name="case_documents"),
    path(f"{PREFIX}<str:number>/act/<slug:action>", workbench.case_act, name="act"),
    path(f"{PREFIX}<str:number>/materials/<str:code>", workbench.material_file, name="material_file"),
]
