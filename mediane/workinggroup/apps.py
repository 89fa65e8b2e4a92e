"""App configuration of the working group: members, meetings, decisions and the meeting dossier."""

from django.apps import AppConfig


class WorkingGroupConfig(AppConfig):
    name = "mediane.workinggroup"
    label = "workinggroup"
    verbose_name = "Groupe de travail"

    def ready(self):
        from mediane.synthesis import signals

        from . import receivers

        signals.topics_merged.connect(receivers.follow_merge, dispatch_uid="workinggroup_follow_merge")
        signals.topic_split.connect(receivers.follow_split, dispatch_uid="workinggroup_follow_split")
