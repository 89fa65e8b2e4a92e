"""Signals that structures sends so that apps above it (orientation) can follow changes to the places.

`post_save` and `post_delete` cover a place saved one at a time. Bulk writes (`bulk_create`, `bulk_update`,
`QuerySet.update`, `QuerySet.delete` without per-row signals) do not send them: whatever writes places in bulk
(the imports) sends `places_changed` once it is done, so that the nearest-place index is rebuilt.
"""

from django.dispatch import Signal

# Sent after places were created, changed or deleted in bulk. No arguments are required; `sender` is the Place model.
places_changed = Signal()
