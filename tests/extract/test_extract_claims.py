"""Extraction per claim kind: positives and near-miss negatives, in our own words."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from claimcheck.extract import extract_document
from claimcheck.models import ClaimKind, Document, PublishedWindow, WindowBasis


def doc(text: str, published: dt.date | None = None) -> Document:
    w = PublishedWindow(earliest=published, latest=published, basis=WindowBasis.stated) if published else PublishedWindow()
    return Document(path="t.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="test", published=w)


def claims(packs, text, kind, published=None):
    _, cs, _ = extract_document(doc(text, published), packs.kb)
    return [c for c in cs if c.kind is kind]


@pytest.mark.parametrize("text,person,role", [
    ("The Libyan Interior Minister, Khaled Mazen, visited Sebha.", "mazen", None),
    ("Fathi Bashagha, the interior minister of the GNA, visited Misrata.", "bashagha", None),
    ("Interior Minister Fathi Bashagha met the Italian ambassador.", "bashagha", None),
    ("the GNU's acting Minister of Interior, Emad al-Trabelsi, received him.", "trabelsi", "acting"),
    ("the Minister of Interior of the Government of National Unity, Khaled Mazen, said.", "mazen", None),
    ("The Deputy Minister of Interior, Khaled Mazen, attended.", "mazen", "deputy"),
    ("Former interior minister Fathi Bashagha spoke.", "bashagha", "former"),
    # the role word nearest the title counts, not one that qualifies another noun
    ("The new cabinet is headed by former interior minister Fathi Bashagha.", "bashagha", "former"),
])
def test_office_holding(packs, text, person, role):
    found = claims(packs, text, ClaimKind.office_holding)
    assert found, text
    c = found[0]
    assert c.subject.id == person
    if role == "deputy":  # a deputy's title is its own office, or the minister's with the role kept
        assert "deputy" in (c.object.id or "") or c.qualifiers.role == "deputy"
    else:
        assert "ly_minister_interior" in (c.object.id or "")
        assert c.qualifiers.role == role


def test_office_qualifier_country(packs):
    c = claims(packs, "The Italian Interior Minister, Luciana Lamorgese, arrived.", ClaimKind.office_holding)[0]
    assert c.subject.id == "lamorgese"
    assert c.object.id == "it_minister_interior" or c.qualifiers.organization.id == "italy"
    c = claims(packs, "The Libyan Interior Minister, Khaled Mazen, arrived.", ClaimKind.office_holding)[0]
    assert c.qualifiers.organization.id == "libya"


@pytest.mark.parametrize("text", [
    "The interior ministry said the minister was travelling.",
    "Interior Minister said on Monday that talks continue.",
])
def test_no_office_without_a_person(packs, text):
    assert not claims(packs, text, ClaimKind.office_holding)


@pytest.mark.parametrize("text", [
    # "as <title>, <name>": the title belongs to the person before "as"
    "The forum picked Abdul Hamid Dbeibah as interim premier, Mohamed al-Menfi to chair the council.",
    # a headline listing two people: "<title>, <name> <plural verb>"
    "Libyan Interior Minister, Matteo Piantedosi discuss migration in Rome",
])
def test_a_name_after_a_comma_is_not_always_an_apposition(packs, text):
    assert not [c for c in claims(packs, text, ClaimKind.office_holding) if c.subject.id in ("menfi", "piantedosi")]


def test_a_list_of_titles_and_names_pairs_each_title_with_the_name_after_it(packs):
    text = ("Present were the chairman of the Presidential Council, Mohamed al-Menfi, the commander of the eastern "
            "forces, Marshal Khalifa Haftar, the President of the House of Representatives based in Tobruk, Aguila "
            "Saleh, and others.")
    held = {c.subject.id: c.object.id for c in claims(packs, text, ClaimKind.office_holding)}
    assert held.get("saleh") == "ly_hor_speaker" and "ly_hor_speaker" not in (held.get("haftar") or "")
    # a second apposition of the same person is no list: "his counterpart, X, foreign minister of Y"
    text = "The envoy, Fathi Bashagha, the interior minister of the GNA led by Fayez al-Sarraj, spoke."
    assert [c.subject.id for c in claims(packs, text, ClaimKind.office_holding)] == ["bashagha"]


def test_not_holding_roles_come_first(packs):
    c = claims(packs, "the Russian candidate for the position of Vice President of Interpol Pyotr Gorodov", ClaimKind.office_holding)
    assert c and c[0].qualifiers.role == "candidate"


@pytest.mark.parametrize("text,person", [
    ("Fathi Bashagha was appointed interior minister in October 2018.", "bashagha"),
    ("Khaled Mazen, who took over as the GNU's interior minister, toured the south.", "mazen"),
    ("Mohamed Takala was elected head of the High Council of State on Sunday.", "takala"),
    ("Sarraj named Bashagha as interior minister in October 2018.", "bashagha"),
    ("Dbeibah named Emad Trabelsi acting interior minister.", "trabelsi"),
])
def test_taking_office_is_a_term_begun(packs, text, person):
    c = [c for c in claims(packs, text, ClaimKind.office_holding) if c.subject.id == person]
    assert c and c[0].qualifiers.role == "appointed", text


@pytest.mark.parametrize("text", [
    "Dbeibah named Emad Trabelsi acting interior minister.",  # the person right before the title took it
    "Fathi Bashagha met the interior minister in Rome.",  # no verb of taking office
    "Fathi Bashagha was appointed after the interior minister resigned.",
])
def test_no_term_begun_for_someone_else(packs, text):
    assert not [c for c in claims(packs, text, ClaimKind.office_holding)
                if c.qualifiers.role == "appointed" and c.subject.id in ("dbeibah", "bashagha")]


@pytest.mark.parametrize("text,person,org", [
    ("Mohamed Takala beat Khaled al-Mishri in a run-off for the presidency of the High Council of State.", "takala", "hcs"),
    ("Khaled al-Mishri won the chairmanship of the High Council of State in 2018.", "mishri", "hcs"),
])
def test_winning_the_presidency_of_a_body_is_leading_it(packs, text, person, org):
    c = claims(packs, text, ClaimKind.leadership)
    assert [(x.subject.id, x.object.id, x.qualifiers.role) for x in c] == [(person, org, "appointed")]


@pytest.mark.parametrize("text,name,acr", [
    ("the Government of National Accord (GNA) said", "gna", "GNA"),
    ("the Government of National Unity (GNA) said", "gnu", "GNA"),
    ("the Government of National Unity\u2019s (GNU) minister", "gnu", "GNU"),
])
def test_organization_with_acronym(packs, text, name, acr):
    c = [c for c in claims(packs, text, ClaimKind.organization_name) if c.predicate == "named-with-acronym"][0]
    assert c.subject.id == name and c.qualifiers.acronym.text == acr
    assert c.provenance.quote.endswith(")")


@pytest.mark.parametrize("text,written", [
    ("The United Nations Special Mission in Libya (UNSMIL) said on Monday.", "United Nations Special Mission in Libya"),
    ("Delegates of the High National Electoral Commission (HNEC) met.", "High National Electoral Commission"),
])
def test_a_name_the_kb_does_not_know_written_out_for_a_known_acronym(packs, text, written):
    c = [c for c in claims(packs, text, ClaimKind.organization_name) if c.predicate == "expanded-acronym"]
    assert [x.subject.text for x in c] == [written]
    assert c[0].qualifiers.acronym.id in ("unsmil", "hnec") and c[0].provenance.quote == written + c[0].provenance.quote[len(written):]


@pytest.mark.parametrize("text", [
    "Officials said on Monday (UNSMIL) that talks would resume.",  # initials do not run through the acronym
    "The UN Support Mission in Libya (UNSMIL) said on Monday.",  # a known name: paired, not written out
    "The mission (UNSMIL) said on Monday.",
])
def test_no_written_out_name_where_there_is_none(packs, text):
    assert not [c for c in claims(packs, text, ClaimKind.organization_name) if c.predicate == "expanded-acronym"]


@pytest.mark.parametrize("text,written", [
    ("HNEC, the High National Elections Committee, said on Monday.", "High National Elections Committee"),
    ("UNSMIL, the United Nations Special Mission in Libya, said.", "United Nations Special Mission in Libya"),
    ("IOM, the UN migration agency, said.", None),  # a description, not the acronym spelt out
])
def test_a_name_written_out_in_apposition_after_an_acronym(packs, text, written):
    c = [c for c in claims(packs, text, ClaimKind.organization_name) if c.predicate == "expanded-acronym"]
    assert [x.subject.text for x in c] == ([written] if written else [])
    if written:
        assert c[0].provenance.quote.endswith(written) and c[0].provenance.quote.startswith(c[0].qualifiers.acronym.text)


def test_acronym_alone_and_name_alone(packs):
    cs = claims(packs, "The GNA and the House of Representatives disagreed.", ClaimKind.organization_name)
    assert {c.subject.id for c in cs} >= {"gna", "hor"}


@pytest.mark.parametrize("text,person,org", [
    ("the Government of National Accord, led by Fayez al-Sarraj, said", "sarraj", "gna"),
    ("the Presidential Council, headed by Mohamed al-Menfi, said", "menfi", None),
])
def test_leadership(packs, text, person, org):
    c = claims(packs, text, ClaimKind.leadership)[0]
    assert c.subject.id == person
    if org:
        assert c.object.id == org


@pytest.mark.parametrize("text,value,approx,key", [
    ("Libya is home to about 700,000 illegal migrants.", 700000, "about", "migrants_in_libya"),
    ("More than 600,000 migrants live in Libya.", 600000, "more-than", "migrants_in_libya"),
    ("There are nearly 2.5 million foreigners in Libya, mostly migrants in Libya.", None, None, None),
])
def test_quantities(packs, text, value, approx, key):
    cs = [c for c in claims(packs, text, ClaimKind.quantity) if c.quantity]
    if value is None:
        assert not cs  # foreigners are not the migrant stock, though the sentence names it
        return
    c = cs[0]
    assert c.value == value and c.qualifiers.approximation.value == approx and c.quantity == key


@pytest.mark.parametrize("text,value,year", [
    # a comparison in apposition or a second clause joined by "and" does not rule out the figure's own clause
    ("Around 150,000 people landed in Italy by sea in 2015, a drop of a tenth on 2014, officials said.", 150000, 2015),
    ("In 2016 Italy counted 181,000 sea arrivals, and more than 4,000 people drowned on the way.", 181000, 2016),
])
def test_yearly_flows_beside_another_clause(packs, text, value, year):
    cs = [c for c in claims(packs, text, ClaimKind.quantity, dt.date(2017, 3, 1)) if c.quantity == "sea_arrivals_italy"]
    assert [(c.value, c.qualifiers.time.earliest.year) for c in cs] == [(value, year)]


@pytest.mark.parametrize("text", [
    # two years inside the figure's own clause: a comparison, not a yearly total
    "Around 150,000 people landed in Italy by sea in 2015 against 170,000 in 2014.",
])
def test_yearly_flows_compared_in_one_clause_are_not_read(packs, text):
    assert not [c for c in claims(packs, text, ClaimKind.quantity, dt.date(2017, 3, 1)) if c.quantity == "sea_arrivals_italy"]


@pytest.mark.parametrize("text", [
    "Thousands of migrants enter Libya every month.",
    "About 30,000 migrants were intercepted at sea and returned to Libya.",
    "The ministry has 700,000 employees.",
])
def test_quantity_near_misses_are_not_the_stock(packs, text):
    assert not [c for c in claims(packs, text, ClaimKind.quantity) if c.quantity == "migrants_in_libya"]


def test_casualties(packs):
    cs = claims(packs, "A car bomb killed two police officers and injured five others.", ClaimKind.quantity)
    assert {(c.predicate, c.value) for c in cs} >= {("killed", 2), ("injured", 5)}


def test_event_keywords_pick_the_best_fitting_event(packs):
    # "suicide attack" fits several Tripoli attacks; with "HNEC" in the sentence one fits best, whatever the date
    text = ("The HNEC chief recalled the suicide attack on its headquarters in Tripoli on 2 May 2019.")
    found = claims(packs, text, ClaimKind.event, dt.date(2024, 10, 1))
    dated = [c for c in found if c.object is not None]
    assert dated and {c.subject.id for c in dated} == {"hnec_attack_2018"}
    assert dated[0].object.text == "2 May 2019"


def test_event_with_date(packs):
    cs = claims(packs, "The second conference took place in Palermo on November 12th and 13th.", ClaimKind.event, dt.date(2018, 12, 1))
    assert any(c.subject.id and "palermo" in c.subject.id for c in cs)


def test_a_capital_named_by_its_country_places_an_event_and_keeps_its_date(packs):
    # "the Libyan capital" is Tripoli; the date after "on the Libyan capital" is the offensive's
    cs = claims(packs, "Forces loyal to Haftar began their offensive on the Libyan capital on 4 April.", ClaimKind.event, dt.date(2019, 6, 1))
    assert [(c.subject.id, c.object.text) for c in cs if c.object] == [("haftar_tripoli_offensive_2019", "4 April")]


def test_attribution(packs):
    cs = claims(packs, '"There are 700,000 migrants in Libya," the minister said.', ClaimKind.quantity)
    assert cs and cs[0].attribution.asserter == "reported"
    cs = claims(packs, "There are 700,000 migrants in Libya.", ClaimKind.quantity)
    assert cs and cs[0].attribution.asserter == "outlet"


@pytest.mark.parametrize("text,who", [
    # the source is the words "according to" opens, not the person named nearest the figure
    ("In 2017, about 62,000 people reached Italy by sea, according to interior ministry figures, and arrivals fell "
     "once Matteo Salvini took office.", "interior ministry figures"),
    ("According to Fathi Bashagha, about 600,000 migrants live in Libya.", "Fathi Bashagha"),
    ("About 600,000 migrants live in Libya, according to the IOM.", "the IOM"),
    ("About 600,000 migrants live in Libya, according to Dr. Fathi Bashagha.", "Fathi Bashagha"),
    ("About 600,000 migrants live in Libya, according to U.N. figures.", "U.N. figures"),
])
def test_according_to_names_the_source(packs, text, who):
    cs = claims(packs, text, ClaimKind.quantity, dt.date(2019, 6, 1))
    assert cs and (cs[0].attribution.asserter, cs[0].attribution.who) == ("reported", who)


@pytest.mark.parametrize("text,held", [
    # "the Secretary-General's Special Adviser" serves the Secretary-General
    ("Stephanie Williams, the Secretary-General's Special Adviser, met the delegations in Cairo.", False),
    ("Stephanie Williams, the Secretary-General, met the delegations in Cairo.", True),
])
def test_a_title_in_the_possessive_is_not_the_person_s(packs, text, held):
    ids = [c.object.id for c in claims(packs, text, ClaimKind.office_holding, dt.date(2022, 5, 1))]
    assert any("un_secretary_general" in (i or "") for i in ids) is held


@pytest.mark.parametrize("text,role", [
    ("Niger's junta holds ousted President Mohamed Bazoum.", "former"),
    # the verb is not the title's: "crowds toppled the statue as Prime Minister X looked on"
    ("Crowds toppled the statue as Prime Minister Abdul Hamid Dbeibah looked on.", None),
    ("Workers removed the barricades while Interior Minister Emad al-Trabelsi watched.", None),
])
def test_a_title_forced_out_is_a_former_one(packs, text, role):
    cs = claims(packs, text, ClaimKind.office_holding, dt.date(2024, 6, 1))
    assert cs and cs[0].qualifiers.role == role


@pytest.mark.parametrize("text,role", [
    ("National Oil Corporation chairman Farhat Bengdara met the minister.", None),
    ("National Oil Corporation Chairman Farhat Bengdara met the minister.", None),
    ("National Oil Corporation chairman Mustafa Sanalla was dismissed on Thursday.", "former"),
    ("Clashes followed the killing of Stability Support Apparatus chief Abdulghani al-Kikli.", "former"),
])
def test_a_body_s_head_named_after_the_body_and_title(packs, text, role):
    cs = claims(packs, text, ClaimKind.leadership, dt.date(2023, 9, 20))
    assert cs and cs[0].qualifiers.role == role


def test_diacritics_and_transliterations_resolve(packs):
    names = {c.subject.id for c in claims(packs, "Ghassan Salame met Abdulhamid Dbeiba and Emad al-Tarabelsi.", ClaimKind.person_name)}
    assert {"salame", "dbeibah", "trabelsi"} <= names


def test_speaker_identification_is_the_outlets_voice(packs):
    text = "Talks will resume soon, said the Minister of Interior of the Government of National Accord (GNA), Fathi Bashagha."
    orgs = [c for c in claims(packs, text, ClaimKind.organization_name) if c.predicate == "named-with-acronym"]
    assert orgs and orgs[0].attribution.asserter == "outlet"
    text = "Fathi Bashagha said the Government of National Accord (GNA) would resume talks."
    orgs = [c for c in claims(packs, text, ClaimKind.organization_name) if c.predicate == "named-with-acronym"]
    assert orgs and orgs[0].attribution.asserter == "reported" and orgs[0].attribution.who == "Fathi Bashagha"


def test_the_minister_is_the_person_named_before(packs):
    text = ("Interior Minister Khaled Mazen visited Sebha on Monday. The minister said that 700 migrants were detained in "
            "the city. Ghassan Salame, the UN envoy, arrived later. The envoy told reporters the Berlin conference would be held in January.")
    _, found, _ = extract_document(doc(text), packs.kb)
    figure = next(c for c in found if c.kind is ClaimKind.quantity)
    assert (figure.attribution.asserter, figure.attribution.who) == ("reported", "Khaled Mazen")
    later = [c for c in found if c.provenance.start > text.index("The envoy") and c.attribution.asserter == "reported"]
    assert later and all(c.attribution.who == "Ghassan Salame" for c in later)


@pytest.mark.parametrize("text", [
    "The minister said that 700 migrants were detained in the city.",  # nobody named before: not resolved
    "Ghassan Salame arrived. The minister said that 700 migrants were detained in the city.",  # no title named
])
def test_the_minister_without_an_antecedent_stays_unresolved(packs, text):
    figure = next(c for c in claims(packs, text, ClaimKind.quantity))
    assert figure.attribution.who is None


def test_descriptions_that_are_titles_or_appositions_are_not_references_back(packs):
    from claimcheck.extract.context import Context
    from claimcheck.extract.pipeline import EXTRACTOR

    text = ("Interior Minister Khaled Mazen visited Sebha. The Minister of Foreign Affairs spoke. "
            "The minister Fathi Bashagha replied. The minister left.")
    ctx = Context.build(doc(text), packs.kb, EXTRACTOR)
    assert [(text[d.start:d.end], d.person) for d in ctx.descriptions] == [("The minister", "mazen")]


def test_a_description_with_modifiers_picks_the_fitting_antecedent(packs):
    from claimcheck.extract.context import Context
    from claimcheck.extract.pipeline import EXTRACTOR

    text = ("Italian Interior Minister Matteo Piantedosi met Libyan Interior Minister Emad al-Trabelsi in Rome. "
            "The Italian minister said the talks went well. The minister added that patrols would resume. "
            "The British minister was not present.")
    ctx = Context.build(doc(text), packs.kb, EXTRACTOR)
    assert [(text[d.start:d.end], d.person) for d in ctx.descriptions] == [
        ("The Italian minister", "piantedosi"), ("The minister", "trabelsi")]


def test_an_office_held_at_the_time(packs):
    c = claims(packs, "The deal was the work of Marco Minniti, interior minister at the time, and of the coast guard.",
               ClaimKind.office_holding)
    assert c and c[0].subject.id == "minniti" and c[0].qualifiers.role == "then"


def test_an_organization_used_as_a_modifier_is_not_led(packs):
    found = claims(packs, "Fayez al-Sarraj, who heads the UN-backed Presidency Council, spoke.", ClaimKind.leadership)
    assert not [c for c in found if c.object.id == "un"]


@pytest.mark.parametrize("text,event,date", [
    ("They argued over the Libyan Political Agreement, the UN-brokered accord signed at Skhirat, Morocco, on "
     "17 December 2015.", "skhirat_lpa_2015", "17 December 2015"),
    ("The commission agreed the permanent ceasefire that it signed in Geneva on 23 October 2020.",
     "geneva_ceasefire_2020", "23 October 2020"),
])
def test_event_dates_across_places_and_pronouns(packs, text, event, date):
    found = [c for c in claims(packs, text, ClaimKind.event, dt.date(2021, 6, 1)) if c.object is not None]
    assert [(c.subject.id, c.object.text) for c in found] == [(event, date)]
    assert found[0].confidence >= 0.75


def _unresolved_names(packs, text):
    return [c.subject.text for c in claims(packs, text, ClaimKind.person_name) if c.subject.id is None]


def test_a_long_capitalised_run_still_yields_the_name_at_its_end(packs):
    assert _unresolved_names(packs, "Now Interior Minister Matteo Piantadosi says Italy will ask for help.") == ["Matteo Piantadosi"]


def test_a_hyphenated_title_is_not_part_of_the_name(packs):
    assert _unresolved_names(packs, "He wrote to Secretary-General Antonio Gutteres on Monday.") == ["Antonio Gutteres"]


@pytest.mark.parametrize("text", [
    "The Joint Technical Coordination Team met in Tunis.",
    "Members of the Unified Executive Authority were sworn in.",
])
def test_names_of_bodies_are_not_names_of_people(packs, text):
    assert _unresolved_names(packs, text) == []


def test_a_possessive_ends_the_name(packs):
    assert _unresolved_names(packs, "On Monday forces loyal to Khalifa Hatfar's Libyan National Army advanced on the southern suburbs of the city.") == ["Khalifa Hatfar"]


def test_a_press_conference_is_no_conference_event(packs):
    text = "At a press conference in Rome on Monday the minister said the talks with Tripoli would go on."
    events = claims(packs, text, ClaimKind.event)
    assert all("press" not in c.sentence[max(0, c.sentence.find(c.provenance.quote) - 6):c.sentence.find(c.provenance.quote)]
               for c in events)
    assert not [c for c in events if c.provenance.quote == "conference"]


@pytest.mark.parametrize("text,names", [
    ("Stephanie Wiliams said on Monday.", ["Stephanie Wiliams"]),  # short, but a sentence: it has a verb in lower case
    ("Tripoli Talks End Without Deal As Rival Camps Trade Blame", []),  # a headline in title case
    ("Migrants In Libya: What The New Figures Show", []),
])
def test_capitalised_words_are_names_outside_title_case_headlines(packs, text, names):
    assert _unresolved_names(packs, text) == names


def test_a_date_of_the_head_noun_is_not_the_events(packs):
    text = "The commission published the results of the General National Congress election last Tuesday."
    ev = [c for c in claims(packs, text, ClaimKind.event) if c.subject.id == "gnc_election_2012"]
    assert ev and ev[0].object is None
    text = "The commission said the General National Congress election last Tuesday went well."
    ev = [c for c in claims(packs, text, ClaimKind.event) if c.subject.id == "gnc_election_2012"]
    assert ev and ev[0].object is not None and ev[0].object.text == "last Tuesday"


def test_a_kind_word_spoken_of_as_past_is_no_later_event(packs):
    # in July 2012 "the elections" held in Libya can only be the GNC election, never a later one
    published = dt.date(2012, 7, 8)
    found = claims(packs, "The High National Elections Commission (HNEC) said polls had closed in most towns and counting had begun.", ClaimKind.event, published)
    starts = [packs.kb.events[c.subject.id].period.start.earliest for c in found if c.subject.id]
    assert all(s <= published for s in starts)


@pytest.mark.parametrize("text", [
    "The delegations met the special representative of the Secretary-General, Mr. Ghassan Salame, in Paris.",
    "A spokesman for the Interior Minister, Ahmed Hamza, said the road was closed.",
])
def test_someone_serving_a_title_holder_is_not_given_the_title(packs, text):
    cs = claims(packs, text, ClaimKind.office_holding, dt.date(2018, 5, 29))
    assert not [c for c in cs if c.object.text in ("Secretary-General", "Interior Minister")]
