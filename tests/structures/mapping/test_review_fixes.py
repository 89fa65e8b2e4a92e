"""The outside review's findings on the mapping engine, each pinned: nothing a producer's file holds is lost in
silence, and no odd file answers 500."""

import pytest

from mediane.structures.mapping.profile import Profile, ProfileError
from mediane.structures.mapping.tabular import read_table
from mediane.structures.standard import FormatError
from mediane.structures.standard_readers import read_json


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_a_deeply_nested_json_is_refused_in_one_french_sentence(opening):
    with pytest.raises(FormatError, match="imbriqué trop profondément"):
        read_table((opening * 200_000).encode(), "lieux.json")
    with pytest.raises(FormatError, match="imbriqué trop profondément"):
        read_json(opening * 200_000)


def test_a_deeply_nested_profile_is_refused_in_one_french_sentence():
    with pytest.raises(ProfileError, match="imbriqué trop profondément"):
        Profile.loads(b"[" * 200_000)
