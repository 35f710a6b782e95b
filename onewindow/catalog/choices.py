from django.db import models


class PowerCategory(models.TextChoices):
    """Categories of the power and responsibility list (权责清单), plus 公共服务."""

    LICENSING = "licensing", "行政许可"
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    LEVY = "levy", "行政征收"
    BENEFIT = "benefit", "行政给付"
    INSPECTION = "inspection", "行政检查"
    CONFIRMATION = "confirmation", "行政确认"
    REWARD = "reward", "行政奖励"
    ADJUDICATION = "adjudication", "行政裁决"
    OTHER = "other", "其他行政权力"
    FILING = "filing", "行政备案"
    PUBLIC_SERVICE = "public_service", "公共服务"


class ExerciseLevel(models.TextChoices):
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"
    TOWNSHIP = "township", "乡级"


class Audience(models.TextChoices):
    PERSON = "person", "个人"
    ENTERPRISE = "enterprise", "法人"
    BOTH = "both", "个人和法人"


class ThemeKind(models.TextChoices):
    LIFE_EVENT = "life_event", "人生事件"
    ENTERPRISE_EVENT = "enterprise_event", "企业事件"
    TOPIC = "topic", "专题"


class ItemKind(models.TextChoices):
    """即办件 are decided at the window in one sitting; 承诺件 within the promised limit."""

    ON_THE_SPOT = "on_the_spot", "即办件"
    PROMISED = "promised", "承诺件"


class OnlineDepth(models.IntegerChoices):
    """Depth of online service (网上办理深度)."""

    CONSULT = 1, "在线咨询"
    COLLECT = 2, "网上收件"
    PRE_REVIEW = 3, "网上预审"
    ACCEPT = 4, "网上受理"
    HANDLE = 5, "网上办理"
    RESULT = 6, "网上反馈结果"
    ELICENSE = 7, "电子证照反馈"


FULLY_ONLINE_DEPTH = OnlineDepth.HANDLE  # 全程网办 from depth 5 on: it requires 0 visits


class MaterialForm(models.TextChoices):
    ORIGINAL = "original", "原件"
    COPY = "copy", "复印件"
    ORIGINAL_AND_COPY = "original_and_copy", "原件和复印件"
    ELECTRONIC = "electronic", "电子材料"


class MaterialNecessity(models.TextChoices):
    REQUIRED = "required", "必要"
    GAP_ALLOWED = "gap_allowed", "容缺可补"
    PLEDGE_ALLOWED = "pledge_allowed", "可告知承诺"
    OPTIONAL = "optional", "非必要(依情形)"


class MaterialSource(models.TextChoices):
    APPLICANT = "applicant", "申请人自备"
    GOVERNMENT = "government", "政府部门核发"
    INTERMEDIARY = "intermediary", "中介机构出具"


class StageKind(models.TextChoices):
    ACCEPT = "accept", "受理"
    REVIEW = "review", "审查"
    SITE_CHECK = "site_check", "现场核查"
    EXPERT_REVIEW = "expert_review", "专家评审"
    PUBLICITY = "publicity", "公示"
    HEARING = "hearing", "听证"
    DECIDE = "decide", "决定"
    DELIVER = "deliver", "送达"


class FeeCategory(models.TextChoices):
    ADMINISTRATIVE = "administrative", "行政事业性收费"
    FUND = "fund", "政府性基金"
    ENTERPRISE = "enterprise", "涉企收费"


class ListKind(models.TextChoices):
    """The published lists; each change request changes entries of one list."""

    POWER = "power", "权责清单"
    SERVICE = "service", "政务服务事项清单"
    FEE = "fee", "收费目录清单"
    INTERMEDIARY = "intermediary", "中介服务事项清单"
    DUTY_BOUNDARY = "duty_boundary", "职责边界清单"


class ChangeKind(models.TextChoices):
    ADD = "add", "新增"
    CANCEL = "cancel", "取消"
    DELEGATE = "delegate", "下放"
    TAKE_OVER = "take_over", "承接"
    ADJUST = "adjust", "调整"
    MERGE = "merge", "合并"


class ChangeRequestStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    RETURNED = "returned", "已退回"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


CHANGE_REQUEST_TRANSITIONS: dict[str, frozenset[str]] = {
    ChangeRequestStatus.DRAFT: frozenset({ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.WITHDRAWN}),
    ChangeRequestStatus.SUBMITTED: frozenset({ChangeRequestStatus.PUBLISHED, ChangeRequestStatus.RETURNED}),
    ChangeRequestStatus.RETURNED: frozenset({ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.WITHDRAWN}),
    ChangeRequestStatus.PUBLISHED: frozenset(),
    ChangeRequestStatus.WITHDRAWN: frozenset(),
}


class EntryState(models.TextChoices):
    """State of one version row of a list entry."""

    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已发布"
