"""The draft editor: the whole document of a list entry as Django forms and formsets.

`EditorContext.open(change_request, code)` finds the entry; `forms_from_document` fills the
forms, `bind_forms` binds a POST, `document_from_forms` reads the document back for
`change_request_save_draft`, and `place_problems` puts the validator's problems on the fields.
"""

from .context import CURRENT, DRAFT, NEW, EditorContext
from .conversion import EntryForms, bind_forms, document_from_forms, forms_from_document, new_row, refreshed_document
from .page import page_parts, row_view
from .problems import error_summary, place_problems

__all__ = [
    "CURRENT",
    "DRAFT",
    "NEW",
    "EditorContext",
    "EntryForms",
    "bind_forms",
    "document_from_forms",
    "error_summary",
    "forms_from_document",
    "new_row",
    "page_parts",
    "place_problems",
    "refreshed_document",
    "row_view",
]
