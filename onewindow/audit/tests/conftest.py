from onewindow.audit.tests.support import purge_audit_trail_after_transactional_tests  # noqa: F401
