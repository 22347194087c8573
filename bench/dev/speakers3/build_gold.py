import json, re, os
D = os.path.dirname(os.path.abspath(__file__))
def Q(speaker, styles, kind="name", aliases=None, partial=False, dis=False):
    return dict(kind="quote", speaker=speaker, speaker_kind=kind, aliases=aliases, partial=partial, style=styles, dis=dis)
def N(reason): return dict(kind="not-a-quote", reason=reason)
RA="Rose Ames"; HA="Hope Ames"; WA="Will Ames"; JB="Jonas Brandvik"; LA="Levon Aghabekyan"
NP="Nora Pell"; RD="Rohan Devaraj"; MB="Martin Baxter"; ME="Marisol Etxeberria"
SPEC = {
 "ames-lighthouse-obituary": [
  Q(RA,["pronoun","same-surname"],aliases=["Rose"],dis=True),
  Q(HA,["trailing","same-surname"],dis=True), Q(HA,["context","same-surname"],dis=True),
  Q(RA,["trailing","same-surname"],dis=True), Q(RA,["context","same-surname"],dis=True),
  Q(WA,["inverted","same-surname"],dis=True), Q(WA,["context","same-surname"],dis=True),
  Q("Bill Trevena",["split","title"]), Q("Bill Trevena",["split"])],
 "coalition-talks-denied": [
  Q(JB,["trailing","title"]), Q(JB,["context"]),
  Q("Katrin Vaher",["trailing"]),
  Q("Greens",["trailing"],aliases=["the Greens"]),
  Q(JB,["pronoun"]),
  Q("Marit Solheim",["partial","title"],partial=True)],
 "corran-river-flood": [
  Q("Dana Whitcombe",["trailing","title"]), Q("Tobias Reyes",["trailing"]),
  Q("Irma Benavides",["inverted"]), Q("Irma Benavides",["context"]),
  Q("Sandy Kowalczyk",["pronoun"]), Q("Keli Tran",["trailing","description-ref"],aliases=["the spokeswoman"])],
 "culture-minister-silence": [
  Q(LA,["partial","title"],partial=True), Q(LA,["pronoun"]),
  Q(LA,["description-ref"],aliases=["the minister"]),
  Q("Narine Sargsyan",["partial","title"],partial=True), Q("Narine Sargsyan",["trailing"]),
  Q(LA,["colon","description-ref"],aliases=["the minister"]),
  Q("Aram Ter-Petrossian",["pronoun","title"])],
 "kestle-fossil-reptile": [
  N("word"),
  Q("Faith Olawale",["colon","title"]),
  Q("Neil Carrow",["pronoun","title"]),
  Q("Instituto de Ciencias del Mar",["trailing","description-ref"],aliases=["the institute"])],
 "lemonade-twins-permit": [
  Q("Ada Marsh",["trailing","same-surname"],dis=True), Q("Ada Marsh",["context","same-surname"],dis=True),
  Q("Quentin Marsh",["description-ref","same-surname"],aliases=["their dad"],dis=True),
  Q("Alma",["pronoun"],aliases=["their mother"]),
  Q("Deborah Lind",["description-ref"],aliases=["the clerk"]),
  Q("Ivy Marsh",["pronoun","same-surname"],dis=True)],
 "mariners-cyclists-crash": [
  Q("Port Alder Mariners",["trailing"],aliases=["Mariners"]), Q("Port Alder Mariners",["context"],aliases=["Mariners"]),
  Q("Ilya Brandt",["inverted","title"]), Q("Ilya Brandt",["context"]),
  Q("Paul Rennick",["trailing","same-surname"],dis=True),
  Q("Sandra Okafor",["trailing"])],
 "orlane-foods-buyback": [
  Q(MB,["trailing","title"]), Q(MB,["context"]),
  Q("Grant Whitlow",["trailing"]),
  Q(MB,["pronoun"]),
  Q("Dawn Achterberg",["trailing"])],
 "pell-twins-bakery": [
  Q(NP,["inverted","same-surname"],dis=True), Q(NP,["pronoun","same-surname"],dis=True),
  Q(NP,["context","same-surname"],dis=True), Q(NP,["inverted","same-surname"],dis=True),
  Q(NP,["context","same-surname"],dis=True),
  Q("Tess Pell",["trailing","same-surname"],dis=True),
  Q("June Pell-Ordway",["inverted","same-surname"],dis=True)],
 "westmark-series-defeat": [
  Q(RD,["partial","title"],partial=True), Q(RD,["trailing"]), Q(RD,["context"]),
  Q(ME,["inverted","title"]), Q(ME,["context"]),
  Q(RD,["pronoun"]),
  Q("Harish Menon",["trailing"])],
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
