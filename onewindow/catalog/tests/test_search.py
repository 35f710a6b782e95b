"""Chinese search of service items (search_items, highlight, the index, the system check), on
SQLite and PostgreSQL alike."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.db import DatabaseError, OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils.safestring import SafeString

from onewindow.catalog import checks
from onewindow.catalog.choices import Audience, EntryState, PowerCategory
from onewindow.catalog.models import ServiceItemVersion
from onewindow.catalog.search import Matched, highlight, index_items, index_rebuild, normalize_query, search_items
from onewindow.catalog.search.index import FTS_TABLE, POSTGRESQL_INDEXES, SQLITE_TRIGGERS, missing_search_schema
from onewindow.catalog.tests.factories import (
    PublishedItemFactory,
    PublishedVersionFactory,
    ServiceItemFactory,
    ServiceItemVersionFactory,
    SynonymFactory,
    ThemeFactory,
    replace_current_version,
)
from onewindow.orgs.tests.factories import CityFactory, DepartmentFactory

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's pg_trgm indexes")


def names(hits):
    return [hit.version.name for hit in hits]


@pytest.fixture
def catalog(department, other_department, county):
    """A county's items: 市场监督管理局 and 公安局 (department) and 卫生健康局 (other_department)."""
    police = DepartmentFactory(region=county, name="公安局")
    items = {
        "食品经营许可": PublishedItemFactory(name="食品经营许可", department=department, keywords="餐饮 小吃店"),
        "食品生产许可": PublishedItemFactory(name="食品生产许可", department=department),
        "普通护照签发": PublishedItemFactory(name="普通护照签发", department=police, audience=Audience.PERSON),
        "居民身份证申领": PublishedItemFactory(name="居民身份证申领", department=police, audience=Audience.PERSON),
        "户口迁移登记": PublishedItemFactory(name="户口迁移登记", department=police, audience=Audience.PERSON),
        "社会保险登记": PublishedItemFactory(name="社会保险登记", department=other_department, keywords="社保 参保"),
        "社保卡补领": PublishedItemFactory(name="社保卡补领", department=other_department, audience=Audience.PERSON),
        "公共场所卫生许可": PublishedItemFactory(
            name="公共场所卫生许可", department=other_department, audience=Audience.ENTERPRISE, category=PowerCategory.LICENSING
        ),
        "医疗机构执业登记": PublishedItemFactory(name="医疗机构执业登记", department=other_department, category=PowerCategory.CONFIRMATION),
    }
    items["police"] = police
    return items


# Queries of one and two characters ----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("护照", {"普通护照签发"}),
        ("社保", {"社保卡补领", "社会保险登记"}),
        ("户口", {"户口迁移登记"}),
        ("证", {"居民身份证申领"}),
        ("照", {"普通护照签发"}),
    ],
)
def test_one_and_two_character_queries_find_their_items(catalog, query, expected):
    assert set(names(search_items(query=query))) == expected


def test_two_characters_rank_name_matches_above_keyword_matches(catalog):
    hits = search_items(query="社保")
    assert names(hits) == ["社保卡补领", "社会保险登记"]
    assert [hit.matched for hit in hits] == [Matched.NAME, Matched.KEYWORDS]


@sqlite_only
def test_sqlite_uses_the_fts_index_from_three_characters_only(catalog):
    with CaptureQueriesContext(connection) as long_query:
        assert names(search_items(query="身份证")) == ["居民身份证申领"]
    with CaptureQueriesContext(connection) as short_query:
        assert names(search_items(query="身份")) == ["居民身份证申领"]
    assert any(f"{FTS_TABLE} MATCH" in query["sql"] for query in long_query.captured_queries)
    assert not any(FTS_TABLE in query["sql"] for query in short_query.captured_queries)


@postgresql_only
def test_postgresql_search_queries_can_use_the_trigram_and_character_indexes(catalog):
    """With the table's other plain indexes dropped (inside the test's transaction) and scans
    without an index off, the planner has to show that the search indexes serve each query."""
    from onewindow.catalog.search.query import parse_query
    from onewindow.catalog.search.sql import Filters, ranking_statement

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = 'catalog_serviceitemversion'::regclass AND NOT i.indisunique AND c.relname <> ALL(%s)",
            [list(POSTGRESQL_INDEXES)],
        )
        for (index,) in cursor.fetchall():
            cursor.execute(f"DROP INDEX {index}")
        cursor.execute("SET LOCAL enable_seqscan = off")

    def plan(query):
        statement = ranking_statement(parse_query(query), Filters(), [], "postgresql", 20)
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + statement.text(), statement.params)
            return "\n".join(row[0] for row in cursor.fetchall())

    assert "catalog_itemver_name_trgm" in plan("身份证")
    assert "catalog_itemver_keywords_trgm" in plan("身份证")
    assert "catalog_itemver_chars" in plan("身份")
    assert "catalog_itemver_pinyin_trgm" in plan("shenfen")
    assert "catalog_itemver_initials_trgm" in plan("sf")


# Ranking ---------------------------------------------------------------------------------------


@pytest.fixture
def licences(department, county):
    """Items around 经营许可: one per ranking class, created out of order."""
    items = {
        name: PublishedItemFactory(name=name, department=department, keywords=keywords)
        for name, keywords in [
            ("药品经营许可证核发", ""),
            ("餐饮服务备案", "经营许可"),
            ("经营许可", ""),
            ("食品经营许可", ""),
            ("经营许可证注销", ""),
            ("小餐饮登记", ""),
        ]
    }
    SynonymFactory(region=county, phrase="经营许可", items=[items["小餐饮登记"]])
    return items


def test_exact_beats_prefix_beats_contains_beats_synonym_beats_keywords(licences):
    hits = search_items(query="经营许可")
    assert names(hits) == ["经营许可", "经营许可证注销", "食品经营许可", "药品经营许可证核发", "小餐饮登记", "餐饮服务备案"]
    assert [hit.matched for hit in hits] == [Matched.NAME] * 4 + [Matched.SYNONYM, Matched.KEYWORDS]
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)


def test_ties_go_by_name_length_then_code(department):
    later = PublishedItemFactory(name="乙类许可", department=department, implementation_code="B-2")
    earlier = PublishedItemFactory(name="甲类许可", department=department, implementation_code="B-1")
    longer = PublishedItemFactory(name="甲类许可延续", department=department, implementation_code="A-1")
    hits = search_items(query="许可")
    assert [hit.item for hit in hits] == [earlier, later, longer]


def test_longer_queries_rank_by_how_much_of_them_matches(department):
    for name in ["药品经营许可", "食品经营许可", "食品摊贩登记", "烟草专卖零售许可", "食品生产许可"]:
        PublishedItemFactory(name=name, department=department)
    hits = search_items(query="我要办理食品经营许可证")
    # 食品经营许可 shares four of the query's trigrams, 药品经营许可 three; the others none.
    assert names(hits) == ["食品经营许可", "药品经营许可"]
    assert [hit.matched for hit in hits] == [Matched.NAME, Matched.NAME]
    assert hits[0].name_html == "<mark>食品经营许可</mark>"
    assert hits[1].name_html == "药<mark>品经营许可</mark>"


def test_partial_matches_rank_below_whole_query_matches(department):
    whole = PublishedItemFactory(name="食品经营许可证补办", department=department)
    partial = PublishedItemFactory(name="食品经营许可", department=department)
    hits = search_items(query="食品经营许可证")
    assert [hit.item for hit in hits] == [whole, partial]
    assert hits[0].score > hits[1].score


# Pinyin ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "matched", "marked"),
    [
        ("shipinj", Matched.PINYIN, "<mark>食品经</mark>营许可"),
        ("shipinjingying", Matched.PINYIN, "<mark>食品经营</mark>许可"),
        ("shipinjingyingxuke", Matched.PINYIN, "<mark>食品经营许可</mark>"),
        ("shi pin jing ying", Matched.PINYIN, "<mark>食品经营</mark>许可"),
        ("spjy", Matched.INITIALS, "<mark>食品经营</mark>许可"),
        ("SPJY", Matched.INITIALS, "<mark>食品经营</mark>许可"),
        ("ｓｐｊｙ", Matched.INITIALS, "<mark>食品经营</mark>许可"),
    ],
)
def test_pinyin_and_initials_find_the_item_and_mark_its_characters(catalog, query, matched, marked):
    hits = search_items(query=query)
    assert names(hits) == ["食品经营许可"]
    assert hits[0].matched == matched
    assert hits[0].name_html == marked


def test_pinyin_prefix_inside_a_name_and_short_initials(catalog):
    hits = search_items(query="shipin")  # same tier and name length: by code, the order of creation
    assert [hit.name_html for hit in hits] == ["<mark>食品</mark>经营许可", "<mark>食品</mark>生产许可"]
    assert names(search_items(query="jingying")) == ["食品经营许可"]
    assert set(names(search_items(query="sp"))) == {"食品经营许可", "食品生产许可"}
    assert names(search_items(query="shebao")) == ["社保卡补领"]
    assert names(search_items(query="shbx")) == ["社会保险登记"]


# Synonyms --------------------------------------------------------------------------------------


@pytest.fixture
def synonyms(catalog, county):
    SynonymFactory(region=county, phrase="开饭店", items=[catalog["食品经营许可"]])
    SynonymFactory(region=county, phrase="开餐馆", items=[catalog["食品经营许可"]])
    SynonymFactory(region=county, phrase="办身份证", items=[catalog["居民身份证申领"]])
    return catalog


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("开饭店", ["食品经营许可"]),
        ("开餐馆", ["食品经营许可"]),
        ("办身份证", ["居民身份证申领"]),
        ("我想开饭店", ["食品经营许可"]),  # the query contains the phrase
        ("饭店", ["食品经营许可"]),  # the phrase contains a query of two characters
    ],
)
def test_synonyms_map_what_citizens_type_to_items(synonyms, query, expected):
    hits = search_items(query=query)
    assert names(hits) == expected
    assert hits[0].matched == Matched.SYNONYM


def test_one_character_does_not_match_inside_a_phrase(synonyms):
    assert names(search_items(query="馆")) == []


def test_synonyms_of_another_region_do_not_apply(catalog, county, other_county):
    SynonymFactory(region=other_county, phrase="开饭店", items=[catalog["食品经营许可"]])
    assert names(search_items(query="开饭店", region=county)) == []
    assert names(search_items(query="开饭店")) == ["食品经营许可"]


def test_synonyms_of_a_region_above_apply(catalog, county):
    SynonymFactory(region=CityFactory(), phrase="开饭店", items=[catalog["食品经营许可"]])
    assert names(search_items(query="开饭店", region=county)) == ["食品经营许可"]


# Filters ---------------------------------------------------------------------------------------


def test_region_filter_keeps_items_of_the_region_and_below(catalog, other_county):
    elsewhere = PublishedItemFactory(name="食品经营许可", department=DepartmentFactory(region=other_county))
    everywhere = search_items(query="食品经营许可")
    assert len(everywhere) == 2
    assert [hit.item for hit in search_items(query="食品经营许可", region=other_county)] == [elsewhere]
    assert [hit.item for hit in search_items(query="食品经营许可", region=catalog["食品经营许可"].department.region)] == [
        catalog["食品经营许可"]
    ]
    assert len(search_items(query="食品经营许可", region=other_county.parent)) == 2


def test_department_category_theme_and_audience_filters(catalog, department, other_department):
    newborn = ThemeFactory(code="newborn", name="出生")
    catalog["户口迁移登记"].current.themes.add(newborn)
    assert set(names(search_items(query="许可", department=department))) == {"食品经营许可", "食品生产许可"}
    assert set(names(search_items(query="许可", department=department.pk))) == {"食品经营许可", "食品生产许可"}
    assert set(names(search_items(query="登记", category=PowerCategory.CONFIRMATION))) == {"医疗机构执业登记"}
    assert names(search_items(query="登记", theme="newborn")) == ["户口迁移登记"]
    assert names(search_items(query="登记", theme=newborn)) == ["户口迁移登记"]
    # Audience: an item for both counts for each.
    assert set(names(search_items(query="许可", audience=Audience.PERSON))) == {"食品经营许可", "食品生产许可"}
    assert set(names(search_items(query="许可", audience=Audience.ENTERPRISE))) == {"食品经营许可", "食品生产许可", "公共场所卫生许可"}


def test_empty_query_browses_the_filtered_items_by_name(catalog, other_department):
    hits = search_items(query="  ", department=other_department)
    assert names(hits) == sorted(["社会保险登记", "社保卡补领", "公共场所卫生许可", "医疗机构执业登记"])
    assert {hit.matched for hit in hits} == {Matched.NOTHING}
    assert hits[0].name_html == hits[0].version.name
    assert search_items(query="") == []
    assert len(search_items(query="", department=other_department, limit=2)) == 2


# Only current versions -------------------------------------------------------------------------


def test_drafts_cancellations_and_items_without_current_versions_are_not_found(department):
    ServiceItemVersionFactory(name="特种设备使用登记", service_item=ServiceItemFactory(department=department))
    PublishedVersionFactory(name="特种设备检验", service_item=ServiceItemFactory(department=department), is_cancellation=True)
    assert search_items(query="特种设备") == []
    assert search_items(query="特种") == []
    assert search_items(query="tezhong") == []


def test_after_a_new_version_is_published_only_its_name_finds_the_item(department):
    item = PublishedItemFactory(name="个体工商户设立登记", department=department)
    old = item.current
    new = replace_current_version(item, name="个体工商户登记")
    index_items([item.pk])
    assert search_items(query="设立登记") == []
    assert search_items(query="设立") == []
    assert search_items(query="gtgshslo") == []
    hits = search_items(query="个体工商户登记")
    assert [hit.version for hit in hits] == [new]
    assert hits[0].item == item and hits[0].item.current == new != old


def test_superseded_and_draft_versions_beside_a_current_one_are_not_found(department):
    item = PublishedItemFactory(name="建筑工程施工许可", department=department)
    replace_current_version(item, name="建筑工程施工许可证核发")
    ServiceItemVersionFactory(service_item=item, name="建筑工程施工许可证核发（草稿）")
    index_items([item.pk])
    hits = search_items(query="施工许可")
    assert [(hit.item, hit.version) for hit in hits] == [(item, item.current)]


@sqlite_only
def test_the_fts_rows_follow_bulk_updates_without_index_items(department):
    item = PublishedItemFactory(name="道路运输经营许可", department=department)
    ServiceItemVersion.objects.filter(pk=item.current_id).update(valid_to=2)
    assert search_items(query="道路运输") == []
    ServiceItemVersion.objects.filter(pk=item.current_id).update(valid_to=None)
    assert names(search_items(query="道路运输")) == ["道路运输经营许可"]
    ServiceItemVersion.objects.filter(pk=item.current_id).update(state=EntryState.DRAFT)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {FTS_TABLE}")
        assert cursor.fetchone()[0] == 0


@sqlite_only
def test_index_items_and_index_rebuild_repair_a_drifted_index(catalog):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
    assert search_items(query="身份证") == []
    index_items([catalog["居民身份证申领"].pk])
    assert names(search_items(query="身份证")) == ["居民身份证申领"]
    assert search_items(query="护照签发") == []
    assert index_rebuild() == 9
    assert names(search_items(query="护照签发")) == ["普通护照签发"]


def test_index_functions_accept_any_ids_and_do_nothing_harmful(catalog):
    index_items([])
    index_items([999_999])
    assert names(search_items(query="身份证")) == ["居民身份证申领"]


def test_the_search_schema_is_installed_after_all_migrations(db):
    """A later migration that rebuilds the version table on SQLite drops the triggers and the
    scan index: it must call install_search_schema again."""
    assert missing_search_schema(connection) == []


@sqlite_only
def test_catalog_reindex_recreates_what_is_missing_and_rebuilds(catalog, capsys):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {SQLITE_TRIGGERS[0]}")
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
    call_command("catalog_reindex")
    output = capsys.readouterr().out
    assert SQLITE_TRIGGERS[0] in output and "Indexed 9 current item versions." in output
    assert missing_search_schema(connection) == []
    assert names(search_items(query="身份证")) == ["居民身份证申领"]


@postgresql_only
def test_catalog_reindex_on_postgresql_has_nothing_to_rebuild(db, capsys):
    call_command("catalog_reindex")
    assert "nothing to rebuild" in capsys.readouterr().out


# Highlighting ----------------------------------------------------------------------------------


def test_highlight_escapes_html_and_marks_every_occurrence():
    marked = highlight("<script>alert('证')</script>证明", "证")
    assert isinstance(marked, SafeString)
    assert marked == "&lt;script&gt;alert(&#x27;<mark>证</mark>&#x27;)&lt;/script&gt;<mark>证</mark>明"


def test_highlight_of_names_with_markup_in_search_results(department):
    PublishedItemFactory(name="<b>食品</b>经营许可", department=department)
    hit = search_items(query="食品")[0]
    assert hit.name_html == "&lt;b&gt;<mark>食品</mark>&lt;/b&gt;经营许可"


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("食品经营许可", "", "食品经营许可"),
        ("食品经营许可", "药品", "食品经营许可"),
        ("CT检查", "ct", "<mark>CT</mark>检查"),
        ("食品经营许可", "shipin", "<mark>食品</mark>经营许可"),
        ("食品经营许可", "jingying", "食品<mark>经营</mark>许可"),
        ("食品经营许可", "spjy", "<mark>食品经营</mark>许可"),
        ("食品经营许可", "xuke", "食品经营<mark>许可</mark>"),
        ("食品经营许可", "办理食品经营许可证", "<mark>食品经营许可</mark>"),
        ("药品经营许可", "办理食品经营许可证", "药<mark>品经营许可</mark>"),
        ("食品生产许可", "办理食品经营许可证", "食品生产许可"),  # no three characters in common
        ("a&b", "&", "a<mark>&amp;</mark>b"),
    ],
)
def test_highlight_marks(text, query, expected):
    assert highlight(text, query) == expected


# Hostile and odd queries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "%",
        "_",
        "'",
        '"',
        "\\",
        "%%",
        "__",
        "护%照",
        "护_照",
        '"护照',
        "护照 OR 签发",
        "NEAR(护照 签发)",
        "签发*",
        "' OR 1=1 --",
        "'; DROP TABLE catalog_serviceitem; --",
        "😀",
        "😀饭店",
        "\x00护照",
        "\ud800",
        "护" * 500,
        "x" * 500,
    ],
)
def test_hostile_queries_are_answered_safely(catalog, query):
    hits = search_items(query=query)
    assert all(hit.version.is_current for hit in hits)
    assert len(hits) < len(catalog) - 1  # no wildcard or injection matches everything


def test_like_wildcards_in_queries_match_only_themselves(department):
    PublishedItemFactory(name="达标率100%认定", department=department)
    PublishedItemFactory(name="护照签发", department=department)
    PublishedItemFactory(name="A_B类资质认定", department=department)
    assert names(search_items(query="%")) == ["达标率100%认定"]
    assert names(search_items(query="0%认")) == ["达标率100%认定"]
    assert names(search_items(query="_")) == ["A_B类资质认定"]
    assert names(search_items(query="护_")) == []
    assert names(search_items(query="护%签")) == []
    assert names(search_items(query="'护照'")) == []


def test_queries_are_normalised():
    assert normalize_query("  ＳＨＩＰＩＮ\u3000 护照\t\n") == "shipin 护照"
    assert normalize_query("a" * 80) == "a" * 50
    assert normalize_query("\x00\u200b护照") == "护照"


def test_full_width_and_spaced_queries_find_items(catalog):
    assert names(search_items(query="　护照　")) == ["普通护照签发"]
    assert names(search_items(query="护 照")) == ["普通护照签发"]
    assert names(search_items(query="ＨＵＺＨＡＯ")) == ["普通护照签发"]


# Queries: a bounded number, and none for each hit ----------------------------------------------


@pytest.mark.parametrize("query", ["许可", "许可证", "我要办理卫生许可证", "xuke", "di", ""])
def test_a_search_runs_a_bounded_number_of_queries(department, django_assert_max_num_queries, query):
    for number in range(50):
        PublishedItemFactory(name=f"第{number}类卫生许可证", department=department)
    with django_assert_max_num_queries(4):
        hits = search_items(query=query, department=department, limit=30)
        shown = [(hit.item.current.name, hit.item.department.name, str(hit.name_html)) for hit in hits]
    assert len(shown) == 30


# System check ----------------------------------------------------------------------------------


class FakeCursor:
    def __init__(self, rows):
        self.rows = list(rows)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def execute(self, sql, params=None):
        pass

    def fetchone(self):
        return self.rows.pop(0)


def fake_postgresql(ctype, has_pg_trgm=True):
    connection = mock.Mock(vendor="postgresql")
    connection.cursor.return_value = FakeCursor([(ctype,), (1,) if has_pg_trgm else None])
    return connection


def run_check(fake):
    with mock.patch.object(checks, "connections", {"default": fake}):
        return checks.check_postgresql_search(databases=["default"])


@pytest.mark.parametrize("ctype", ["C", "POSIX", "zh_CN.GB18030", "en_US.ISO8859-1"])
def test_check_errors_for_a_ctype_that_is_not_utf8(ctype):
    messages = run_check(fake_postgresql(ctype))
    assert [message.id for message in messages] == ["catalog.E001"]
    assert "LC_CTYPE" in messages[0].msg and "--lc-ctype=C.UTF-8" in messages[0].hint


@pytest.mark.parametrize("ctype", ["C.UTF-8", "C.utf8", "zh_CN.UTF-8", "en_US.utf8@euro"])
def test_check_accepts_utf8_ctypes(ctype):
    assert run_check(fake_postgresql(ctype)) == []


def test_check_warns_when_pg_trgm_is_missing():
    assert [message.id for message in run_check(fake_postgresql("C.UTF-8", has_pg_trgm=False))] == ["catalog.W001"]


def test_check_survives_an_unreachable_database():
    unreachable = mock.Mock(vendor="postgresql")
    unreachable.cursor.side_effect = OperationalError("could not connect to server")
    assert run_check(unreachable) == []


def test_check_does_not_query_other_databases():
    sqlite = mock.Mock(vendor="sqlite")
    sqlite.cursor.side_effect = AssertionError("queried SQLite")
    assert run_check(sqlite) == []
    assert checks.check_postgresql_search(databases=None) == []


@postgresql_only
def test_check_passes_on_this_postgresql_database(db):
    assert checks.check_postgresql_search(databases=["default"]) == []


def test_database_errors_other_than_connecting_are_also_survived():
    broken = mock.Mock(vendor="postgresql")
    broken.cursor.side_effect = DatabaseError("permission denied for table pg_database")
    assert run_check(broken) == []
