"""The pure arithmetic of quotas: largest remainder shares exactly the total, breaks ties the same way whatever the
order, gives 0 to a zero index; the index is read from `departement;valeur` lines with numbered French errors."""

import pytest

from mediane.conseillers.quotas import IndexReadError, decode_index, encode_index, largest_remainder, read_index


def test_largest_remainder_shares_exactly_the_total():
    result = largest_remainder({"01": 5, "02": 3, "03": 2}, 7)
    assert sum(result.values()) == 7
    assert result == {"01": 4, "02": 2, "03": 1}  # 3.5, 2.1, 1.4: the largest remainder (0.5) gets the seat


def test_hamilton_gives_the_seats_left_to_the_largest_remainders():
    assert largest_remainder({"A": 47, "B": 16, "C": 15, "D": 22}, 10) == {"A": 5, "B": 2, "C": 1, "D": 2}


def test_ties_go_to_the_larger_index_then_the_smaller_code_whatever_the_order():
    assert largest_remainder({"02": 1, "01": 1, "03": 1}, 2) == {"01": 1, "02": 1, "03": 0}
    assert largest_remainder({"03": 1, "02": 1, "01": 1}, 2) == {"01": 1, "02": 1, "03": 0}


def test_a_zero_index_gets_nothing_and_an_all_zero_index_shares_nothing():
    assert largest_remainder({"01": 0, "02": 10}, 4) == {"01": 0, "02": 4}
    assert largest_remainder({"01": 0, "02": 0}, 4) == {"01": 0, "02": 0}


def test_the_programme_total_of_4000_is_shared_exactly_across_101_departements():
    index = {f"{n:03d}": n * 1000 + 7 for n in range(1, 102)}
    assert sum(largest_remainder(index, 4000).values()) == 4000


def test_an_index_is_carried_on_one_line_and_an_altered_one_is_refused():
    index = {"69": 1_883_437, "2A": 5, "01": 0}
    assert decode_index(encode_index(index)) == index and decode_index("") == {}
    for altered in ("69=-1", "zz=3", "69=1,69=2", "69=1e3", f"69={10**13}"):
        with pytest.raises(ValueError):
            decode_index(altered)


def test_an_index_is_read_with_its_header_and_short_codes():
    assert read_index("departement;valeur\n1;100\n2a;50\r\n69; 1 883 437\n\n") == {
        "01": 100,
        "2A": 50,
        "69": 1883437,
    }


def test_an_unreadable_index_says_which_line_to_fix():
    with pytest.raises(IndexReadError) as error:
        read_index("69;100\nxx;3\n01;douze\n69;4\n75")
    errors = error.value.errors
    assert errors[0].startswith("Ligne 2 : « xx » n'est pas un code de département")
    assert errors[1].startswith("Ligne 3 : ")
    assert "Ligne 4 : le département 69 est déjà donné" in errors[2]
    assert errors[3].startswith("Ligne 5 : écrivez deux valeurs")
    with pytest.raises(IndexReadError, match="Aucune ligne"):
        read_index("")
