"""The written notices and decisions of a case (受理通知书, 一次性告知书, 不予受理通知书, 特别程序告知书,
延期通知书, 准予/不予许可决定书) as PDF: rendered by the task worker from the content snapshot the
services recorded, with the department's seal and a QR code to the public verification page.

`render.render_document(document_id)` is the entry point (`cases.tasks.render_case_document`).
"""
