"""Signals sent when the working group reshapes the topics of a run, so that higher apps can follow.

The synthesis never imports the apps that listen (the working group links its decisions to topics): they connect
to these signals in their `AppConfig.ready`.
"""

from django.dispatch import Signal

# Sent inside the merge's transaction, after the memberships moved and before the merged topics are deleted.
# Arguments: `target` (the Topic that stays) and `merged` (the list of Topics about to be deleted).
topics_merged = Signal()

# Sent inside the split's transaction, once both parts are written.
# Arguments: `topic` (the original Topic, now the larger part) and `new_topic` (the other part).
topic_split = Signal()
