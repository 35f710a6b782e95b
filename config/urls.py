from django.contrib import admin
from django.urls import include, path

from config.api import api
from onewindow.common.views import healthz

admin.site.site_header = "一窗通办 系统管理"
admin.site.site_title = "一窗通办"

urlpatterns = [
    path("", include("onewindow.portal.urls")),
    path("", include("onewindow.catalog.urls")),
    path("", include("onewindow.cases.urls")),
    path("", include("onewindow.ratings.urls")),
    path("workbench/supervision/statistics/", include("onewindow.supervision.statistics.urls")),
    path("workbench/supervision/", include("onewindow.supervision.urls")),
    path("messages/", include("onewindow.notifications.urls")),
    path("accounts/", include("onewindow.accounts.urls")),
    path("workbench/", include("onewindow.workbench.urls")),
    path("workbench/orgs/", include("onewindow.orgs.urls")),
    path("workbench/audit/", include("onewindow.audit.urls")),
    path("workbench/workdays/", include("onewindow.workdays.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
]
