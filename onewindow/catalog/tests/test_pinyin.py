import pytest

from onewindow.catalog.models import ServiceItemVersion
from onewindow.catalog.pinyin import INITIALS_MAX_LENGTH, PINYIN_MAX_LENGTH, fold, name_pinyin, syllables


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("食品经营许可", "shipinjingyingxuke", "spjyxk"),
        ("居民身份证申领", "juminshenfenzhengshenling", "jmsfzsl"),
        ("户口迁移", "hukouqianyi", "hkqy"),
        # Polyphones read as the phrase wants: 行政 xing, 银行 hang, 重庆 chong, 长期 chang.
        ("行政处罚", "xingzhengchufa", "xzcf"),
        ("重庆银行", "chongqingyinhang", "cqyh"),
        ("长期居住证明", "changqijuzhuzhengming", "cqjzzm"),
        ("会计从业", "kuaijicongye", "kjcy"),
        ("绿色通道", "lvsetongdao", "lstd"),
    ],
)
def test_name_pinyin_of_chinese_names(name, full, initials):
    assert name_pinyin(name) == (full, initials)


def test_other_characters_are_kept_lowercase_and_punctuation_dropped():
    assert name_pinyin("CT检查（新办）") == ("ctjianchaxinban", "ctjcxb")
    assert name_pinyin("ＩＣＰ备案 2号") == ("icpbeian2hao", "icpba2h")


def test_characters_without_a_reading_add_nothing():
    assert name_pinyin("😀饭店") == ("fandian", "fd")
    assert name_pinyin("") == ("", "")
    assert name_pinyin(" 、（） ") == ("", "")


def test_long_names_fit_the_version_columns():
    full, initials = name_pinyin("装" * 200)  # zhuang: six letters a character
    assert len(full) == PINYIN_MAX_LENGTH == ServiceItemVersion._meta.get_field("pinyin").max_length
    assert len(initials) == INITIALS_MAX_LENGTH == ServiceItemVersion._meta.get_field("pinyin_initials").max_length


def test_syllables_point_back_at_their_characters():
    name = "CT检查"
    pieces = syllables(name)
    assert [(name[piece.start : piece.end], piece.full, piece.initial) for piece in pieces] == [
        ("CT", "ct", "ct"),
        ("检", "jian", "j"),
        ("查", "cha", "c"),
    ]


def test_fold_keeps_one_character_for_one():
    text = "ＡＢＣ　食品Ｘ"
    assert fold(text) == "abc 食品x"
    assert len(fold(text)) == len(text)
    assert fold("İ") == "İ"  # lowercases to two characters: kept as it is
