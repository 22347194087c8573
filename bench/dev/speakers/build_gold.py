import json, re, sys, os
D = os.path.dirname(os.path.abspath(__file__))
def Q(speaker, styles, kind="name", aliases=None, partial=False, dis=False):
    return dict(kind="quote", speaker=speaker, speaker_kind=kind, aliases=aliases, partial=partial, style=styles, dis=dis)
def N(reason): return dict(kind="not-a-quote", reason=reason)
LV="Marta Lindqvist"; OP="Owen Pryce"; KPA=("Kessford Port Authority", ["KPA", "the authority"])
SPEC = {
 "kessford-dock-strike": [
  Q(LV,["inverted","title"]), Q(LV,["split"]),
  Q(OP,["partial","title"],partial=True), Q(OP,["partial"],partial=True),
  Q(OP,["description-ref"]), Q(OP,["context"]),
  Q(LV,["partial","pronoun"],partial=True),
  Q(KPA[0],["partial"],aliases=KPA[1],partial=True), Q("Renée Obi",["colon","title"]),
  Q(KPA[0],["pronoun"],aliases=KPA[1]),
  Q("the town council",["description-ref"],kind="description",aliases=["the council"]),
  N("name"),
  Q("one dock worker",["partial"],kind="description",partial=True)],
 "brightwater-cup-semifinal": [
  Q("Dale Marsh",["trailing","same-surname"],dis=True), Q("Dale Marsh",["split","same-surname"],dis=True),
  Q("Tyler Marsh",["description-ref","same-surname"],dis=True), Q("Tyler Marsh",["split","same-surname"],dis=True),
  Q("Priya Raman",["partial","title"],partial=True),
  Q("Priya Raman",["pronoun"]), Q("Priya Raman",["split","pronoun"]),
  Q("Anna Kovacs",["partial","title"],partial=True),
  Q("Dale Marsh",["description-ref","same-surname"],dis=True),
  Q("Wessmoor County Football Association",["partial","description-ref"],aliases=["WCFA","the association"],partial=True),
  N("slogan")],
 "arnsby-bridge-study": [
  Q("Joan Whitcombe",["partial","title"],partial=True),
  Q("Amir Haddad",["partial","title"],partial=True), Q("Amir Haddad",["pronoun"]),
  Q("Joan Whitcombe",["pronoun","description-ref"]),
  Q("Lena Voss",["partial","pronoun","title"],partial=True), Q("Lena Voss",["pronoun"]),
  Q("a spokesman for the ministry",["partial"],kind="description",partial=True),
  Q("one resident who spoke during the public session",["pronoun"],kind="description"),
  Q("Amir Haddad",["colon","description-ref"]),
  N("name"),
  Q("Lena Voss",["partial"],partial=True)],
 "norland-drug-pause": [
  Q("Norland Biotechnica",["trailing"],aliases=["Norland"]),
  Q("Gregor Haldane",["partial","title"],partial=True),
  Q("Gregor Haldane",["trailing"]), Q("Gregor Haldane",["split"]),
  Q("Medicines Safety Agency",["description-ref"],aliases=["MSA","the agency"]),
  Q("Ines Carvalho",["pronoun","title"]),
  Q("Tomasz Wierzbicki",["partial","title"],partial=True), N("slogan"),
  Q("Migraine Alliance",["partial"],partial=True), Q("Hannah Lowe",["inverted","title"])],
 "dunmore-villa-fraud": [
  Q("Eleanor Fitch",["partial","title"],partial=True),
  Q("Eleanor Fitch",["description-ref"]),
  Q("Simon Achterberg",["pronoun","title"]),
  Q("Nadia Brandt",["pronoun","same-surname"],dis=True), Q("Nadia Brandt",["split","same-surname"],dis=True),
  Q("Martin Oduya",["partial","pronoun"],partial=True),
  N("name"), Q("Carl Brandt",["partial","pronoun","same-surname"],partial=True,dis=True),
  Q("Dunmore Homebuyers Together",["partial"],partial=True), Q("Ruth Ingram",["colon","title"]),
  Q("Eleanor Fitch",["pronoun"])],
 "vell-valley-storm": [
  Q("police",["partial","according"],kind="description",partial=True),
  Q("a neighbour who helped free him",["inverted"],kind="description"), Q("a neighbour who helped free him",["split"],kind="description"),
  Q("Bronwen Hale",["trailing"]),
  Q("National Emergency Management Agency",["partial"],aliases=["NEMA"],partial=True),
  Q("one resident",["trailing"],kind="description"),
  Q("Gwen Talbot",["pronoun"]), Q("Gwen Talbot",["split","pronoun"]),
  Q("Rhys Morgan",["partial","title"],partial=True),
  N("name"), Q("Bronwen Hale",["colon"])],
 "pellam-eastgate-cuts": [
  N("name"),
  Q("Pellam Motor Works",["trailing"],aliases=["Pellam"]),
  Q("Lucía Ferrer Ortiz",["trailing","title"],aliases=["Ferrer"]),
  Q("Assembly and Transport Union",["partial"],aliases=["ATU"],partial=True),
  Q("Declan Moss",["pronoun","title"]),
  Q("Katherine Morrow",["partial","title"],aliases=["Kit"],partial=True),
  Q("Katherine Morrow",["inverted"],aliases=["Kit"]),
  Q("Arjun Mehta",["trailing","title"]),
  Q("the regional development ministry",["partial"],kind="description",partial=True)],
 "halvern-bee-study": [
  Q("Nadia Petrov",["partial","title"],partial=True),
  Q("Nadia Petrov",["trailing"]), Q("Nadia Petrov",["split"]),
  Q("Samuel Ekwueme",["partial","pronoun"],partial=True),
  Q("Claire Dubois",["pronoun","title"]), Q("Claire Dubois",["split","pronoun"]),
  Q("Samuel Ekwueme",["pronoun"]), Q("Samuel Ekwueme",["split","pronoun"]),
  Q("Granfield Agrochemicals",["partial"],partial=True),
  Q("Nadia Petrov",["colon","pronoun"]),
  N("title"), N("term")],
 "dora-vale-obituary": [
  Q("Dora Vale",["partial","pronoun"],aliases=["Dorothy Ann Pickering"],partial=True),
  Q("Jessica Pickering",["pronoun","title","same-surname"],dis=True),
  Q("Malcolm Reyes",["partial","title"],partial=True), Q("Malcolm Reyes",["trailing","context"]),
  N("title"),
  Q("Dora Vale",["partial","pronoun"],aliases=["Dorothy Ann Pickering"],partial=True),
  Q("Dora Vale",["pronoun","context"],aliases=["Dorothy Ann Pickering"]),
  Q("Frank Pickering",["trailing","title","same-surname"],dis=True),
  Q("Jessica Pickering",["trailing","same-surname"],dis=True), Q("Jessica Pickering",["split","same-surname"],dis=True),
  N("name")],
 "ferrow-ward-flooding": [
  Q("Tamsin Okafor",["partial"],partial=True),
  Q("Idris Calloway",["pronoun"]), Q("Idris Calloway",["context"]),
  Q("Tamsin Okafor",["pronoun"]),
  Q("Lucia Brennan",["partial"],partial=True), Q("Grace Adeyemi",["partial","title"],partial=True),
  Q("Grace Adeyemi",["trailing"]),
  Q(None,["partial"],kind="none",partial=True),
  Q("Judith Penrose",["partial","title"],partial=True),
  Q("Judith Penrose",["trailing"])],
 "marlow-grey-tour": [
  N("title"),
  Q("Marlow Grey",["trailing"]), Q("Marlow Grey",["context"]),
  Q("Isla Fenwick",["partial","pronoun"],partial=True),
  Q("Colin Ashby",["pronoun","title"]),
  Q("Bluebell Live",["partial"],partial=True),
  Q("Owen Grey",["partial","title"],partial=True),
  Q("Owen Grey",["trailing"]),
  Q("Rhian Dowd",["partial","title"],partial=True),
  Q("Megan Price",["pronoun","title"])],
 "holm-bakery-closure": [
  Q("Anders Holm",["trailing","same-surname"],dis=True), Q("Anders Holm",["context","same-surname"],dis=True),
  Q("Beatrix Holm",["partial","description-ref","same-surname"],partial=True,dis=True),
  Q("Beatrix Holm",["pronoun","same-surname"],dis=True),
  Q("a spokeswoman for the company",["trailing"],kind="description"),
  Q("Philip Marsh",["partial","title","same-surname"],partial=True,dis=True),
  Q("June Marsh",["partial","title","same-surname"],partial=True,dis=True),
  Q("June Marsh",["trailing","same-surname"],dis=True),
  Q("Anders Holm",["trailing","same-surname"],dis=True),
  N("slogan")],
 "tarrow-water-ruling": [
  Q("Land and Water Tribunal",["partial"],aliases=["the tribunal","the summary"],partial=True),
  Q("Land and Water Tribunal",["description-ref"],aliases=["the tribunal","the summary"]),
  Q("Ministry of Water Resources",["colon"],aliases=["the ministry"]),
  Q("Tarrow Farmers' Cooperative",["inverted"],aliases=["the cooperative"]),
  Q("Hollis Varga",["partial","title"],partial=True),
  Q("Hollis Varga",["pronoun"]),
  Q("National Water Charter",["partial"],partial=True),
  Q("Gareth Lund",["trailing","title"]),
  Q("a spokesman for the ministry",["partial"],kind="description",partial=True)],
 "kellan-cup-final": [
  Q("Stefan Kowalczyk",["partial","title"],partial=True),
  Q("Jamal Okoro",["partial","same-surname"],partial=True,dis=True), Q("Jamal Okoro",["pronoun","same-surname"],dis=True),
  Q("Ben Harrow",["pronoun","title"]),
  Q("Stefan Kowalczyk",["partial"],partial=True),
  Q("Stefan Kowalczyk",["description-ref"]),
  Q("Danny Fell",["partial","pronoun","title"],partial=True),
  Q("Callum Reid",["partial","title"],partial=True), Q("Callum Reid",["trailing"]),
  N("slogan"),
  Q("Grace Okoro",["pronoun","same-surname"],dis=True)],
 "castlebury-quarry-vote": [
  Q("Harlow Stone",["partial"],partial=True),
  Q("Neil Baptiste",["partial","title"],partial=True), Q("Neil Baptiste",["pronoun"]),
  Q("Sophie Lindgren",["partial"],partial=True),
  Q("Aisha Bello",["pronoun","title"]), Q("Rosa Trent",["pronoun"]),
  Q("Rosa Trent",["trailing"]),
  Q("Sophie Lindgren",["pronoun"]),
  N("slogan"),
  Q("opponents",["partial","pronoun"],kind="description",aliases=["a petition"],partial=True)],
 "corran-rugby-derby": [
  Q("Harriet Dunlop",["trailing","title"]), Q("Harriet Dunlop",["context"]),
  Q("Jordan Pike",["partial","description-ref"],aliases=["the 23-year-old"],partial=True),
  Q("Martin Feld",["trailing","title"]),
  Q("Sam Whitlow",["description-ref","title"],aliases=["the Australian"]),
  Q("Sam Whitlow",["partial","description-ref"],aliases=["the veteran"],partial=True),
  Q("Brennock",["colon","title"]),
  Q("Harriet Dunlop",["colon"]),
  Q("Ellis Grant",["pronoun"]),
  Q("Martin Feld",["partial"],partial=True), Q("Martin Feld",["description-ref"],aliases=["the coach"])],
 "ambrose-kell-obituary": [
  Q("Daniel Kell",["trailing","same-surname"],dis=True),
  Q("Daniel Kell",["trailing","same-surname"],dis=True),
  Q("Rosalind Kell",["partial","same-surname"],aliases=["Rosalind Tay"],partial=True,dis=True),
  Q("Ambrose Kell",["description-ref","same-surname"],aliases=["the elder Kell"],dis=True),
  Q("Rosalind Kell",["pronoun","same-surname"],aliases=["Rosalind Tay","his widow"],dis=True),
  Q("Tomas Reyna",["partial","title"],partial=True),
  Q("Mairi Kell",["pronoun","same-surname"],aliases=["his daughter"],dis=True)],
 "lanthorn-night-shift": [
  Q("Carys Bowen",["pronoun"],aliases=["a nurse in blue scrubs"]), Q("Carys Bowen",["split","pronoun"],aliases=["a nurse in blue scrubs"]),
  Q("Patrick Olumide",["partial","title"],partial=True),
  Q("Patrick Olumide",["pronoun"]),
  Q("a porter",["pronoun"],kind="description"),
  Q("Carys Bowen",["trailing"]),
  Q("Ruth Penhale",["pronoun","title"]),
  Q("Carys Bowen",["pronoun"]),
  Q("Ruth Penhale",["context"])],
 "dunhallow-bus-fares": [
  Q("Regional Transit Authority",["partial"],aliases=["RTA","the authority"],partial=True),
  Q("Gemma Stroud",["trailing","title"]),
  Q("government of Dunhallow",["description-ref"],aliases=["the government"]),
  Q("Passengers' Council of Dunhallow",["partial"],aliases=["PCD"],partial=True),
  Q("Samir Okonedo",["pronoun","title"]),
  Q("Bryony Vance",["partial","pronoun"],partial=True),
  Q("Bryony Vance",["trailing"]),
  Q("Gemma Stroud",["pronoun"]),
  Q("Transport Workers' Guild",["partial"],aliases=["TWG"],partial=True)],
 "orrin-mayoral-race": [
  Q("Victor Lusk",["trailing","same-surname"],aliases=["the former mayor"],dis=True),
  Q("Clara Lusk",["partial","pronoun","same-surname"],partial=True,dis=True),
  Q("Clara Lusk",["trailing","same-surname"],dis=True), Q("Clara Lusk",["context","same-surname"],dis=True),
  Q("Ian Thorne",["partial","title"],partial=True),
  Q("Ada Whitfield",["pronoun","title"]),
  Q(None,["colon","same-surname"],kind="none"),
  Q("Victor Lusk",["description-ref","same-surname"],aliases=["the former mayor"],dis=True)],
 "selby-library-budget": [
  Q("Graham Oduya",["partial","title"],partial=True),
  Q("Peter Haines",["partial","title"],partial=True),
  Q("Peter Haines",["pronoun"]),
  Q("Graham Oduya",["pronoun"]),
  Q("Tom Beckett",["partial","pronoun","title"],partial=True),
  Q("Tom Beckett",["trailing"]),
  Q("Deborah Finch",["partial","title"],partial=True),
  Q("Deborah Finch",["pronoun"]),
  Q("Martina Lowe",["trailing"]),
  Q("Martina Lowe",["pronoun"])],
 "harker-arson-trial": [
  Q("Imogen Tate",["partial","title"],partial=True),
  Q("Imogen Tate",["pronoun"]), Q("Imogen Tate",["split","pronoun"]),
  Q("Keith Amos",["partial","title"],partial=True),
  Q("Owen Harker",["trailing","same-surname"],aliases=["the younger Harker"],dis=True),
  Q("Sandra Harker",["partial","pronoun","same-surname"],partial=True,dis=True),
  Q("Rajesh Malhotra",["pronoun","title"]),
  Q("Celia Brand",["description-ref","title"],aliases=["the judge"]),
  Q(None,["pronoun","same-surname"],kind="none")],
}
out = []
for art, spec in SPEC.items():
    text = open(f"{D}/articles/{art}.md").read().split("---\n", 2)[2]
    paras = [p.strip() for p in text.strip().split("\n\n")]
    spans = [(i+1, m.group(1)) for i, p in enumerate(paras) for m in re.finditer(r'"([^"]+)"', p)]
    assert len(spans) == len(spec), (art, len(spans), len(spec), spans)
    for n, ((pi, t), s) in enumerate(zip(spans, spec), 1):
        if s["kind"] == "quote":
            r = dict(kind="quote", article=art, paragraph=pi, paragraphs=[pi], text=t, speaker=s["speaker"], speaker_kind=s["speaker_kind"])
            if s["aliases"]: r["speaker_aliases"] = s["aliases"]
            if s["dis"]: r["disambiguate"] = True
            r.update(partial=s["partial"], style=s["style"], id=f"{art}#{n}")
        else:
            r = dict(kind="not-a-quote", article=art, paragraph=pi, text=t, reason=s["reason"], marks="double", id=f"{art}#{n}")
        out.append(r)
with open(f"{D}/gold.jsonl", "w") as f:
    for r in out: f.write(json.dumps(r, ensure_ascii=False) + "\n")
q = [r for r in out if r["kind"] == "quote"]
print(len(q), "quotes", sum(r["speaker_kind"]=="name" for r in q), "named", len(out)-len(q), "naq", sum(r["partial"] for r in q), "partial")
