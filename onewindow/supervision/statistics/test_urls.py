"""URLs for the statistics tests until the project mounts them: the project's URLs plus the statistics
pages at /workbench/supervision/statistics/ and the statistics API under /api/v1/supervision/.

Used with `@pytest.mark.urls("onewindow.supervision.statistics.test_urls")`; once config/urls.py and
config/api.py mount them, the project's own patterns answer the same paths.
"""

from django.urls import include, path
from ninja import NinjaAPI

from config.urls import urlpatterns as project_urlpatterns
from onewindow.common.api import install_error_handlers
from onewindow.supervision.statistics.api import router

api = NinjaAPI(title="statistics (tests)", version="1-statistics-tests", urls_namespace="statistics_api", docs_url=None)
install_error_handlers(api)
api.add_router("/supervision", router)

urlpatterns = [
    path("workbench/supervision/statistics/", include("onewindow.supervision.statistics.urls")),
    path("api/v1/", api.urls),
    *project_urlpatterns,
]
