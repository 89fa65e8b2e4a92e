"""The pure matching: score and its French reasons, feasibility, ranking, and optimal against greedy."""

import random
from datetime import date, timedelta

import pytest

from mediane.conseillers.matching import (
    Candidate,
    Host,
    assign_greedy,
    assign_optimal,
    feasible,
    recommend,
    score,
)
from mediane.orientation.geo import haversine_km

START = date(2026, 3, 1)
BRON = (45.7386, 4.9128)
VILLEURBANNE = (45.7719, 4.8902)
LYON = (45.7640, 4.8357)
GRENOBLE = (45.1885, 5.7245)


def host(pk=1, where=BRON, limit=40, positions=1, territory="metropole", start=START):
    return Host(pk, where[0], where[1], territory, limit, start, positions)


def candidate(pk=1, where=VILLEURBANNE, limit=15, territory="metropole", available=START, **more):
    return Candidate(pk, where[0], where[1], territory, limit, available, **more)


def test_the_reasons_say_the_distance_within_the_candidates_limit_and_the_availability():
    points, reasons = score(host(), candidate(available=START - timedelta(days=3)), 8.2)
    assert reasons[:2] == ["à 8 km, dans sa limite de 15 km", "disponible avant votre date de prise de poste"]
    assert 0 < points <= 100


def test_a_late_candidate_is_said_late_in_weeks_and_scores_less():
    on_time, _ = score(host(), candidate(), 8)
    late, reasons = score(host(), candidate(available=START + timedelta(days=21)), 8)
    assert "disponible 3 semaines après votre date de prise de poste" in reasons
    assert late == pytest.approx(on_time - 20 * 3 / 12, abs=0.1)


def test_diploma_experience_pix_and_education_are_explained_in_french():
    points, reasons = score(
        host(),
        candidate(
            mediation_diplomas=("ccp_remn", "titre_remn"), experience_months=24, pix_level=5, education_level="bac_2"
        ),
        0,
    )
    assert "diplômé·e en médiation numérique (titre REMN)" in reasons
    assert "2 ans d'expérience en médiation numérique" in reasons
    assert "Pix niveau 5" in reasons
    assert "niveau bac + 2" in reasons
    # 30 (distance 0) + 20 (on time) + 20 (REMN) + 15 (two years) + 10 × 5/8 + 3 (bac + 2).
    assert points == pytest.approx(30 + 20 + 20 + 15 + 6.25 + 3, abs=0.1)


def test_eighteen_months_of_experience_read_as_a_year_and_six_months():
    _, reasons = score(host(), candidate(experience_months=18), 1)
    assert "1 an et 6 mois d'expérience en médiation numérique" in reasons


def test_a_pair_is_feasible_only_within_both_limits_and_the_same_territory():
    assert feasible(host(limit=40), candidate(limit=15), 14)
    assert not feasible(host(limit=40), candidate(limit=15), 16)
    assert not feasible(host(limit=10), candidate(limit=40), 16)
    assert not feasible(host(territory="971"), candidate(territory="metropole"), 1)


def test_recommendations_leave_out_what_is_beyond_either_limit_or_overseas():
    near = candidate(1, VILLEURBANNE, limit=20)
    far_for_candidate = candidate(2, GRENOBLE, limit=20)  # ~90 km
    wide = candidate(3, GRENOBLE, limit=100)
    overseas_same_place = candidate(4, BRON, territory="971")
    ranked = recommend([host(limit=100)], [near, far_for_candidate, wide, overseas_same_place])[1]
    assert [r.candidate_id for r in ranked] == [1, 3]
    assert len(recommend([host(limit=40)], [wide])[1]) == 0
    assert ranked[0].distance_km == pytest.approx(haversine_km(*BRON, *VILLEURBANNE))


def test_recommendations_rank_by_score_then_distance_then_availability():
    better = candidate(1, LYON, limit=40, mediation_diplomas=("titre_remn",))
    nearer = candidate(2, VILLEURBANNE, limit=40)
    same_place_later = candidate(3, VILLEURBANNE, limit=40, available=START - timedelta(days=1))
    ranked = recommend([host()], [same_place_later, nearer, better])[1]
    assert [r.candidate_id for r in ranked] == [1, 3, 2]
    assert ranked[0].points > ranked[1].points == ranked[2].points


def test_recommendations_agree_with_the_score_of_each_pair():
    rng = random.Random(4)
    hosts = [host(i, (45 + rng.random(), 4 + rng.random()), limit=rng.choice([20, 40, 100])) for i in range(20)]
    candidates = [
        candidate(
            i,
            (45 + rng.random(), 4 + rng.random()),
            limit=rng.choice([5, 20, 40, 100]),
            available=START + timedelta(days=rng.randint(-30, 100)),
            experience_months=rng.randint(0, 40),
            pix_level=rng.choice([None, 3, 8]),
            mediation_diplomas=tuple(rng.sample(["titre_remn", "bpjeps", "autre"], rng.randint(0, 2))),
        )
        for i in range(200)
    ]
    by_id = {c.id: c for c in candidates}
    for h in hosts:
        ranked = recommend([h], candidates)[h.id]
        expected = {
            c.id for c in candidates if feasible(h, c, haversine_km(h.latitude, h.longitude, c.latitude, c.longitude))
        }
        assert {r.candidate_id for r in ranked} == expected
        for r in ranked:
            assert r.points == pytest.approx(score(h, by_id[r.candidate_id], r.distance_km)[0], abs=0.05)


def test_recommendations_leave_out_candidates_already_in_touch_with_the_structure():
    ranked = recommend([host()], [candidate(1), candidate(2)], excluded={1: {1}})[1]
    assert [r.candidate_id for r in ranked] == [2]


def test_the_optimal_assignment_fills_a_position_that_greedy_leaves_empty():
    # Greedy: Bron takes its best (the diploma holder, who alone could go to Grenoble's side); Lyon-Part-Dieu
    # then finds nobody. The optimal gives the diploma holder to the second structure.
    hosts = [host(1, BRON, limit=40), host(2, GRENOBLE, limit=100)]
    both = candidate(10, LYON, limit=100, mediation_diplomas=("titre_remn",))
    only_bron = candidate(11, VILLEURBANNE, limit=15)
    recommendations = recommend(hosts, [both, only_bron])
    greedy = assign_greedy(hosts, recommendations)
    optimal = assign_optimal(hosts, recommendations)
    assert greedy.filled == 1
    assert optimal.filled == 2
    assert {(p.host_id, p.candidate_id) for p in optimal.pairs} == {(1, 11), (2, 10)}


@pytest.mark.parametrize("seed", range(8))
def test_the_optimal_assignment_fills_at_least_as_many_positions_as_greedy(seed):
    rng = random.Random(seed)
    hosts = [
        host(i, (45 + rng.random() * 2, 4 + rng.random() * 2), limit=rng.choice([20, 40]), positions=rng.randint(1, 3))
        for i in range(30)
    ]
    candidates = [
        candidate(
            i,
            (45 + rng.random() * 2, 4 + rng.random() * 2),
            limit=rng.choice([10, 20, 40]),
            experience_months=rng.randint(0, 30),
        )
        for i in range(80)
    ]
    recommendations = recommend(hosts, candidates)
    greedy = assign_greedy(hosts, recommendations)
    optimal = assign_optimal(hosts, recommendations)
    assert optimal.filled >= greedy.filled
    assert len({p.candidate_id for p in optimal.pairs}) == optimal.filled
    per_host = {h.id: 0 for h in hosts}
    for pair in optimal.pairs:
        per_host[pair.host_id] += 1
    assert all(per_host[h.id] <= h.open_positions for h in hosts)
    if optimal.filled == greedy.filled:
        assert optimal.mean_points >= greedy.mean_points - 1e-9


def test_nobody_to_assign_gives_an_empty_assignment():
    assert assign_optimal([host()], {}).filled == 0
    assert assign_greedy([host()], {}).mean_distance_km == 0
