"""App configuration of orientation: the public directory of places, the nearest-place search and the API."""

from django.apps import AppConfig


class OrientationConfig(AppConfig):
    name = "mediane.orientation"
    label = "orientation"
    verbose_name = "Orientation du public"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from mediane.structures.models import Place
        from mediane.structures.signals import places_changed

        from .search import invalidate_places

        # The index of places is rebuilt when any place changes, in this process and, through the cache, in others.
        post_save.connect(invalidate_places, sender=Place, dispatch_uid="orientation_place_saved")
        post_delete.connect(invalidate_places, sender=Place, dispatch_uid="orientation_place_deleted")
        places_changed.connect(invalidate_places, dispatch_uid="orientation_places_changed")
