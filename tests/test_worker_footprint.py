"""A server worker starts without the heavy libraries only some requests need (pypinyin 55 MB,
openpyxl 18 MB, WeasyPrint): they are imported where they are used, so a worker serving neither
search pinyin, Excel nor PDFs stays under the 150 MB target (docs/performance.md)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pypinyin", "openpyxl", "weasyprint")
SCRIPT = f"""
HEAVY = {HEAVY!r}
import json, sys
import django
django.setup()
from django.urls import resolve
resolve("/")
import config.api  # the API routers and their schemas
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in HEAVY)))
"""


def test_loading_the_project_and_its_urls_imports_none_of_the_heavy_libraries(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")},
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'footprint.sqlite3'}",
        "VAR_DIR": str(tmp_path),
    }
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
