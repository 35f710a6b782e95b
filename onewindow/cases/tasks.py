"""Background tasks of the cases app."""

from django_tasks import task


@task(queue_name="documents")
def render_case_document(document_id: int) -> str:
    """Render one case document's PDF (WeasyPrint); its state afterwards."""
    from onewindow.cases.documents.render import render_document

    return render_document(document_id)
