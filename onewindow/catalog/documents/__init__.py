"""Catalog documents: the one dict shape of each list entry, validated and written as version rows.

Drafts, demo data, Excel import/export, the API and diffs all speak documents (see
`docs/catalog-documents.md`). Validation collects every problem at once, each with the path of
the field (`materials[2].license_type`) and a Chinese message, so an import or a form can show
them all; nothing is written unless the whole document is valid.
"""
