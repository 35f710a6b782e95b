"""The JSON API at /api/v1/: one NinjaAPI, a router per domain app, one error format."""

from ninja.openapi.docs import Swagger

from onewindow.accounts.api import router as accounts_router
from onewindow.audit.api import router as audit_router
from onewindow.cases.api import router as cases_router
from onewindow.catalog.api import router as catalog_router
from onewindow.common.api import JsonBodyParser, OneWindowAPI, install_error_handlers
from onewindow.notifications.api import router as notifications_router
from onewindow.orgs.api import router as orgs_router
from onewindow.ratings.api import router as ratings_router
from onewindow.supervision.api import router as supervision_router
from onewindow.supervision.statistics.api import router as statistics_router
from onewindow.workdays.api import router as workdays_router

api = OneWindowAPI(
    title="OneWindow 一窗通办 API",
    version="1",
    description="政务服务一窗通办平台接口。错误均以 JSON 返回:`code`(机器可读代码)与 `message`(中文说明)。",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs=Swagger(),
    docs_url="/docs",
    parser=JsonBodyParser(),
)
install_error_handlers(api)
api.add_router("/auth", accounts_router)
api.add_router("/workdays", workdays_router)
api.add_router("/orgs", orgs_router)
api.add_router("/audit", audit_router)
api.add_router("/", catalog_router)
api.add_router("/", cases_router)
api.add_router("/notifications", notifications_router)
api.add_router("/supervision", supervision_router)
api.add_router("/supervision", statistics_router)
api.add_router("/", ratings_router)
