"""The rules of the vredestijd session without the database: dealing the cases (afspraken.
vredestijd.verdeel) and counting where expectations differ (afspraken.vredestijd.verschillen)."""

import random

import pytest

from afspraken.vredestijd import Persoon, Verdeelcasus, verdeel, verschillen

# Cases: "A".."D" ONLINE, "e".."h" OFFLINE (the shipped content has four of each).
ONLINE = [Verdeelcasus(c, f"Casus {c}", True) for c in "ABCD"]
OFFLINE = [Verdeelcasus(c, f"Casus {c}", False) for c in "efgh"]
ACHT = [ONLINE[0], OFFLINE[0], ONLINE[1], OFFLINE[1], ONLINE[2], OFFLINE[2], ONLINE[3], OFFLINE[3]]


def mensen(patroon: str) -> list[Persoon]:
    """Participants from a pattern: "OO.." is two who work online, then two who do not."""
    return [Persoon(i, f"Deelnemer {i}", teken == "O") for i, teken in enumerate(patroon, 1)]


def aantallen(verdeling) -> list[int]:
    return [len(ids) for ids in verdeling.per_deelnemer.values()]


def regel_gevolgd(casussen, deelnemers, verdeling) -> bool:
    """No ONLINE case went to someone who does not work online."""
    online = {c.id for c in casussen if c.online}
    return all(
        not (set(verdeling.per_deelnemer[p.id]) & online) for p in deelnemers if not p.online
    )


class TestVerdeel:
    @pytest.mark.parametrize(
        ("casussen", "patroon", "verwacht"),
        [
            # half/half: those who work online get the ONLINE cases, the others the OFFLINE ones
            (ACHT, "OO..", [2, 2, 2, 2]),
            (ACHT, "O.O.", [2, 2, 2, 2]),
            (ACHT, "OOOO", [2, 2, 2, 2]),
            (ACHT, "OOO", [3, 3, 2]),
            (ACHT, "O..", [4, 2, 2]),  # the four ONLINE cases can only go to the one
            (ACHT, "O", [8]),
            (ACHT, "OO.....", [2, 2, 1, 1, 1, 1, 1]),  # the seventh shares an OFFLINE case
            (OFFLINE, "OO", [2, 2]),
            (OFFLINE[:3], "....", [1, 1, 1, 1]),
        ],
    )
    def test_it_deals_balanced_within_the_online_rule(self, casussen, patroon, verwacht):
        deelnemers = mensen(patroon)
        verdeling = verdeel(casussen, deelnemers)
        assert aantallen(verdeling) == verwacht
        assert regel_gevolgd(casussen, deelnemers, verdeling)

    @pytest.mark.parametrize("patroon", ["OO..", "O...", "OOOO", "O.O.O.", "OO", ".O", "O"])
    def test_every_case_goes_to_someone_when_someone_works_online(self, patroon):
        verdeling = verdeel(ACHT, mensen(patroon))
        assert verdeling.onverdeeld == []
        assert all(verdeling.per_casus[c.id] for c in ACHT)

    @pytest.mark.parametrize("patroon", ["OO..", "OOO.", "OOOO"])
    def test_the_difference_between_participants_is_at_most_one_when_half_work_online(
        self, patroon
    ):
        verdeling = verdeel(ACHT, mensen(patroon))
        assert max(aantallen(verdeling)) - min(aantallen(verdeling)) <= 1

    def test_without_online_participants_the_online_cases_stay_undealt_with_a_dutch_message(self):
        deelnemers = mensen("...")
        verdeling = verdeel(ACHT, deelnemers)
        assert verdeling.onverdeeld == ["A", "B", "C", "D"]
        assert all(verdeling.per_casus[c] == [] for c in "ABCD")
        assert sorted(aantallen(verdeling)) == [1, 1, 2]
        assert regel_gevolgd(ACHT, deelnemers, verdeling)
        melding = verdeling.meldingen[0]
        assert "Niemand werkt online" in melding
        assert "de 4 ONLINE-casussen blijven onverdeeld" in melding
        assert "Casus A, Casus B, Casus C en Casus D" in melding

    def test_a_single_undealt_online_case_is_named_in_the_singular(self):
        verdeling = verdeel([ONLINE[0], OFFLINE[0]], mensen(".."))
        assert verdeling.onverdeeld == ["A"]
        assert "de ONLINE-casus blijft onverdeeld: Casus A." in verdeling.meldingen[0]

    def test_with_more_participants_than_cases_everyone_gets_a_case(self):
        deelnemers = mensen("OOOOO")
        verdeling = verdeel(ONLINE[:2], deelnemers)
        assert aantallen(verdeling) == [1, 1, 1, 1, 1]
        # The cases are shared as evenly as possible: 3 and 2 participants.
        assert sorted(len(v) for v in verdeling.per_casus.values()) == [2, 3]
        assert "meer deelnemers dan casussen" in verdeling.meldingen[0]

    def test_extra_participants_who_do_not_work_online_get_only_offline_cases(self):
        deelnemers = mensen("O...")
        verdeling = verdeel([ONLINE[0], OFFLINE[0]], deelnemers)
        assert verdeling.per_casus["A"] == [1]
        assert verdeling.per_casus["e"] == [2, 3, 4]
        assert regel_gevolgd([ONLINE[0], OFFLINE[0]], deelnemers, verdeling)

    def test_a_participant_who_can_take_no_case_is_named(self):
        verdeling = verdeel(ONLINE[:2], mensen("O."))
        assert aantallen(verdeling) == [2, 0]
        assert "Deelnemer 2 krijgt geen casus" in verdeling.meldingen[-1]

    def test_one_participant_gets_every_case_they_may_take(self):
        assert verdeel(ACHT, mensen("O")).per_deelnemer == {1: [c.id for c in ACHT]}
        alleen_offline = verdeel(ACHT, mensen("."))
        assert alleen_offline.per_deelnemer == {1: ["e", "f", "g", "h"]}
        assert alleen_offline.onverdeeld == ["A", "B", "C", "D"]

    def test_without_participants_nothing_is_dealt_and_it_says_so(self):
        verdeling = verdeel(ACHT, [])
        assert verdeling.per_deelnemer == {}
        assert verdeling.onverdeeld == [c.id for c in ACHT]
        assert verdeling.meldingen == ["Er zijn nog geen deelnemers. Voeg eerst deelnemers toe."]

    def test_without_cases_it_says_so(self):
        verdeling = verdeel([], mensen("OO"))
        assert verdeling.per_deelnemer == {1: [], 2: []}
        assert verdeling.meldingen == ["Er zijn geen casussen gekozen voor deze sessie."]

    def test_each_participant_s_cases_follow_the_session_order(self):
        verdeling = verdeel(ACHT, mensen("O"))
        assert verdeling.per_deelnemer[1] == ["A", "e", "B", "f", "C", "g", "D", "h"]

    @pytest.mark.parametrize("patroon", ["OO..", "O...", "...", "OOOOOOOOOO", "O.O.O"])
    def test_the_same_input_always_gives_the_same_result(self, patroon):
        eerste = verdeel(ACHT, mensen(patroon))
        for _ in range(5):
            assert verdeel(list(ACHT), mensen(patroon)) == eerste

    def test_many_random_sessions_keep_the_online_rule_and_cover_every_case(self):
        kans = random.Random(5)
        for _ in range(300):
            casussen = kans.sample(ACHT, kans.randint(1, 8))
            deelnemers = mensen("".join(kans.choice("O.") for _ in range(kans.randint(1, 12))))
            verdeling = verdeel(casussen, deelnemers)
            assert regel_gevolgd(casussen, deelnemers, verdeling)
            iemand_online = any(p.online for p in deelnemers)
            for c in casussen:
                assert bool(verdeling.per_casus[c.id]) == (iemand_online or not c.online)


def antwoord(naam, partners="", welke=(), ingrijpen="", actie="", duiding="", titel="", anders=""):
    """An answer as Inbreng.als_dict gives it: `welke` the ticked partners' keys, `actie` a
    step 5 action's slug (or "anders"), `titel` its title."""
    return {
        "naam": naam,
        "duiding": duiding,
        "partners_betrekken": partners,
        "partners": list(welke),
        "ingrijpen": ingrijpen,
        "actie": actie,
        "actie_anders": anders,
        "actie_titel": titel or actie,
    }


def vraag(uitslag, sleutel):
    return next(v for v in uitslag.vragen if v.sleutel == sleutel)


class TestVerschillen:
    @pytest.mark.parametrize(
        ("antwoorden", "sleutel", "zinnen", "verschil"),
        [
            # unanimous: no difference
            (
                [antwoord("Ali", "ja"), antwoord("Bo", "ja")],
                "partners",
                ["2 van 2 zouden partners betrekken"],
                False,
            ),
            (
                [antwoord("Ali", "ja"), antwoord("Bo", "nee"), antwoord("Cas", "ja")],
                "partners",
                ["2 van 3 zouden partners betrekken", "1 van 3 zouden geen partners betrekken"],
                True,
            ),
            # one not answered: counted in the total, not as a difference
            (
                [antwoord("Ali", "nee"), antwoord("Bo", "nee"), antwoord("Cas", duiding="Ruzie")],
                "partners",
                ["2 van 3 zouden geen partners betrekken", "1 van 3 nog geen antwoord"],
                False,
            ),
            (
                [antwoord("Ali", ingrijpen="ja"), antwoord("Bo", ingrijpen="nee")],
                "ingrijpen",
                ["1 van 2 zouden ingrijpen", "1 van 2 zouden niet ingrijpen"],
                True,
            ),
            (
                [antwoord("Ali", ingrijpen="nee"), antwoord("Bo", ingrijpen="NEE")],
                "ingrijpen",
                ["2 van 2 zouden niet ingrijpen"],
                False,
            ),
            # the example from the issue: 2 of 5 would involve the police
            (
                [
                    antwoord("Ali", "ja", ["politie", "jongerenwerk"]),
                    antwoord("Bo", "ja", ["politie", "school"]),
                    antwoord("Cas", "ja", ["jongerenwerk"]),
                    antwoord("Dirk", "nee"),
                    antwoord("Eva", "ja", ["school"]),
                ],
                "partner:politie",
                ["2 van 5 zouden de politie betrekken"],
                True,
            ),
            (
                [antwoord("Ali", "ja", ["politie"]), antwoord("Bo", "ja", ["politie"])],
                "partner:politie",
                ["2 van 2 zouden de politie betrekken"],
                False,
            ),
            (
                [antwoord("Ali", "ja", ["boa"]), antwoord("Bo", "nee")],
                "partner:boa",
                ["1 van 2 zou de boa betrekken"],
                True,
            ),
            # different actions among those who would intervene, by the action chosen
            (
                [
                    antwoord("Ali", ingrijpen="ja", actie="direct-message", titel="Een DM"),
                    antwoord("Bo", ingrijpen="ja", actie="direct-message", titel="Een DM"),
                    antwoord("Cas", ingrijpen="ja", actie="afwachten", titel="Afwachten"),
                ],
                "actie",
                ["2 van 3: Een DM", "1 van 3: Afwachten"],
                True,
            ),
            (
                [
                    antwoord("Ali", ingrijpen="ja", actie="direct-message", titel="Een DM"),
                    antwoord("Bo", ingrijpen="ja", actie="direct-message", titel="Een DM"),
                ],
                "actie",
                ["2 van 2: Een DM"],
                False,
            ),
            # actions of one's own are one choice, "anders": their words are not compared
            (
                [
                    antwoord("Ali", ingrijpen="ja", actie="anders", titel="Bel de moeder"),
                    antwoord("Bo", ingrijpen="ja", actie="anders", titel="Iets heel anders"),
                ],
                "actie",
                ["2 van 2: een andere actie"],
                False,
            ),
        ],
    )
    def test_it_counts_the_answers_and_flags_disagreement(
        self, antwoorden, sleutel, zinnen, verschil
    ):
        uitslag = verschillen(antwoorden)
        assert vraag(uitslag, sleutel).zinnen == zinnen
        assert vraag(uitslag, sleutel).verschil is verschil

    def test_it_names_who_gave_which_answer(self):
        uitslag = verschillen([antwoord("Ali", "ja", ["politie"]), antwoord("Bo", "nee")])
        assert vraag(uitslag, "partners").telling == {"ja": ["Ali"], "nee": ["Bo"]}
        assert vraag(uitslag, "partner:politie").telling == {"ja": ["Ali"], "nee": ["Bo"]}

    def test_rows_without_any_answer_are_left_out(self):
        uitslag = verschillen([antwoord("Ali", "ja"), antwoord("Bo"), antwoord("Cas", "ja")])
        assert uitslag.aantal == 2
        assert vraag(uitslag, "partners").zinnen == ["2 van 2 zouden partners betrekken"]

    def test_nothing_recorded_means_no_difference(self):
        uitslag = verschillen([])
        assert uitslag.aantal == 0
        assert uitslag.met_verschil == []
        assert uitslag.duidingen == []

    def test_a_single_answer_is_never_a_difference(self):
        uitslag = verschillen([antwoord("Ali", "ja", ["politie"], "ja", "afwachten")])
        assert uitslag.met_verschil == []

    def test_partners_named_after_a_nee_are_not_counted(self):
        uitslag = verschillen([antwoord("Ali", "nee", ["politie"]), antwoord("Bo", "nee")])
        assert not any(v.sleutel.startswith("partner:") for v in uitslag.vragen)

    def test_met_verschil_lists_only_the_disagreements(self):
        uitslag = verschillen(
            [antwoord("Ali", "ja", ["politie"], "ja"), antwoord("Bo", "ja", ["politie"], "nee")]
        )
        assert [v.sleutel for v in uitslag.met_verschil] == ["ingrijpen"]

    def test_the_interpretations_are_listed_with_their_names(self):
        uitslag = verschillen([antwoord("Ali", duiding="  Een  dreiging. "), antwoord("", "ja")])
        assert uitslag.duidingen == [("Ali", "Een dreiging.")]
        assert vraag(uitslag, "partners").telling["ja"] == ["Deelnemer 2"]

    def test_the_partner_questions_follow_the_checkboxes_and_carry_their_labels(self):
        uitslag = verschillen(
            [antwoord("Ali", "ja", ["school", "politie"]), antwoord("Bo", "ja", ["om"])]
        )
        partners = [v for v in uitslag.vragen if v.sleutel.startswith("partner:")]
        assert [v.vraag for v in partners] == [
            "Politie betrekken?",
            "School betrekken?",
            "Openbaar Ministerie (OM) betrekken?",
        ]
        assert vraag(uitslag, "partner:om").zinnen == ["1 van 2 zou het OM betrekken"]

    def test_a_partner_key_that_is_not_a_checkbox_is_left_out(self):
        uitslag = verschillen([antwoord("Ali", "ja", ["wijkteam"]), antwoord("Bo", "ja")])
        assert [v.sleutel for v in uitslag.vragen] == ["partners", "ingrijpen"]


class TestVrijeTekst:
    """Difference counting ignores free text: the duiding and an action of one's own are listed
    with their names, never compared."""

    def test_two_ways_of_writing_ones_own_action_are_no_difference(self):
        uitslag = verschillen(
            [
                antwoord("Ali", ingrijpen="ja", actie="anders", anders="Bel de moeder."),
                antwoord("Bo", ingrijpen="ja", actie="anders", anders="moeder  bellen"),
            ]
        )
        assert uitslag.met_verschil == []
        assert uitslag.andere_acties == [("Ali", "Bel de moeder."), ("Bo", "moeder bellen")]

    def test_the_same_words_under_different_choices_are_a_difference(self):
        uitslag = verschillen(
            [
                antwoord("Ali", ingrijpen="ja", actie="afwachten", titel="Afwachten"),
                antwoord("Bo", ingrijpen="ja", actie="anders", anders="Afwachten"),
            ]
        )
        assert [v.sleutel for v in uitslag.met_verschil] == ["actie"]
        assert vraag(uitslag, "actie").zinnen == ["1 van 2: Afwachten", "1 van 2: een andere actie"]

    def test_different_interpretations_are_listed_not_counted(self):
        uitslag = verschillen(
            [
                antwoord("Ali", "ja", ["politie"], duiding="Een serieuze dreiging"),
                antwoord("Bo", "ja", ["politie"], duiding="Stoere praat"),
            ]
        )
        assert uitslag.met_verschil == []
        assert uitslag.duidingen == [("Ali", "Een serieuze dreiging"), ("Bo", "Stoere praat")]

    def test_an_own_action_text_without_ingrijpen_ja_counts_nothing(self):
        uitslag = verschillen(
            [
                antwoord("Ali", ingrijpen="nee", actie="anders", anders="Toch iets doen"),
                antwoord("Bo", ingrijpen="nee"),
            ]
        )
        assert not any(v.sleutel == "actie" for v in uitslag.vragen)
        assert uitslag.andere_acties == []
