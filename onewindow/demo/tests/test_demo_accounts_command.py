from io import StringIO

from django.core.management import call_command

from onewindow.demo.accounts import USERNAMES


def _output(command):
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def test_demo_accounts_lists_accounts_roles_and_the_password(db):
    _output("load_demo")
    output = _output("demo_accounts")
    for username in USERNAMES:
        assert username in output
    assert "审查人员(示范县市场监督管理局)" in output
    assert "窗口受理人员(示范县,示范县政务服务中心 A01 窗口)" in output
    assert "onewindow-demo" in output


def test_demo_accounts_says_when_nothing_is_loaded(db):
    output = _output("demo_accounts")
    assert "demo data not loaded" in output
    assert "onewindow-demo" not in output
