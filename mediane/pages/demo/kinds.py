"""The three kinds of contribution of the forum, as the demo's tables name them: an experience report, a point of
vigilance, a proposal (`ContributionKind` values)."""

E = "retour_experience"
V = "point_vigilance"
P = "proposition"
