from onewindow.audit.changes import event_changes


def test_only_changed_keys_are_listed_in_field_order_with_verbose_names():
    changes = event_changes("accounts.user", {"phone": "1", "real_name": "张三"}, {"phone": "2", "real_name": "张三", "is_active": False})
    assert [(c.field, c.label, c.before, c.after) for c in changes] == [("is_active", "有效", "—", "否"), ("phone", "手机号码", "1", "2")]


def test_a_creation_lists_every_key_and_an_unknown_type_keeps_the_keys_as_labels():
    changes = event_changes("probe", None, {"b": [1, 2], "a": {"x": None}})
    assert [(c.field, c.label, c.before, c.after) for c in changes] == [("a", "a", "—", '{"x": null}'), ("b", "b", "—", "[1, 2]")]


def test_a_deletion_lists_the_removed_values():
    changes = event_changes("probe", {"name": "旧"}, None)
    assert [(c.field, c.before, c.after) for c in changes] == [("name", "旧", "—")]
