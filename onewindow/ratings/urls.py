"""URLs of the ratings app (included at the site root): the portal's rating, satisfaction and complaint
pages, the window rating pad, and the workbench pages under `workbench/ratings/`."""

from django.urls import URLPattern, URLResolver, path

from onewindow.ratings.views import pad, portal, workbench

app_name = "ratings"

PREFIX = "workbench/ratings/"

urlpatterns: list[URLPattern | URLResolver] = [
    # portal
    path("ratings/cases/<str:number>/", portal.case_rating, name="case_rating"),
    path("ratings/cases/<str:number>/revisit/", portal.case_revisit, name="case_revisit"),
    path("r/<str:token>/", portal.link_rating, name="link"),
    path("r/<str:token>/revisit/", portal.link_revisit, name="link_revisit"),
    path("ratings/satisfaction/", portal.satisfaction, name="satisfaction"),
    path("ratings/pad/<str:token>/", pad.pad, name="pad"),
    path("complaints/new/", portal.complaint_new, name="complaint_new"),
    path("complaints/done/", portal.complaint_done, name="complaint_done"),
    path("complaints/lookup/", portal.complaint_lookup, name="complaint_lookup"),
    path("complaints/feedback/", portal.complaint_feedback, name="complaint_feedback"),
    # workbench
    path(PREFIX, workbench.rectifications, name="rectifications"),
    path(f"{PREFIX}appeals/", workbench.appeals, name="appeals"),
    path(f"{PREFIX}rectifications/<int:pk>/", workbench.rectification_detail, name="rectification"),
    path(f"{PREFIX}rectifications/<int:pk>/act/<slug:action>/", workbench.rectification_act, name="rectification_act"),
    path(f"{PREFIX}all/", workbench.ratings, name="ratings"),
    path(f"{PREFIX}complaints/", workbench.complaints, name="complaints"),
    path(f"{PREFIX}complaints/hotline/", workbench.hotline, name="hotline"),
    path(f"{PREFIX}complaints/<str:number>/", workbench.complaint_detail, name="complaint"),
    path(f"{PREFIX}complaints/<str:number>/act/<slug:action>/", workbench.complaint_act, name="complaint_act"),
    path(f"{PREFIX}visits/", workbench.visits, name="visits"),
    path(f"{PREFIX}visits/<int:pk>/", workbench.visit_detail, name="visit"),
]
