import json, re, os
D = os.path.dirname(os.path.abspath(__file__))
def Q(speaker, styles, kind="name", aliases=None, partial=False, dis=False):
    return dict(kind="quote", speaker=speaker, speaker_kind=kind, aliases=aliases, partial=partial, style=styles, dis=dis)
def N(reason): return dict(kind="not-a-quote", reason=reason)
NTL="Nguyen Thi Lan"; PEJ="Park Eun-ji"; KTH="Kim Tae-hoon"; KSY="Kim Soo-yeon"
KRM="Khalid bin Rashid al-Mansouri"; LAH="Layla al-Hashimi"; MDC="María Elena de la Cruz Huamán"
VH="Viktor Hnatiuk"; IH="Iryna Hnatiuk"; OM="Oksana Melnychuk"; DO="Declan O'Neill"; CO="Ciarán O'Neill"
TD="Tomás Duarte"; PB="Pieter van der Berg"; AB="Anouk van der Berg"; AN="Adaeze Nwosu"
ZW="Zhang Wei"; ZL="Zhang Lihua"; NJ="Nikola Jovanović"; ZI="Zoran Ilić"; AI="Aleksandar Ilić"
SPEC = {
 "mekong-flow-data": [
  Q(NTL,["inverted","title"]), Q(NTL,["pronoun"]),
  Q("Somchai Wongsakul",["partial","title"],partial=True),
  Q("Sok Channary",["pronoun","description-ref"],aliases=["the spokeswoman"]),
  Q("Sok Channary",["trailing","title"]),
  Q("Pham Van Duc",["partial"],partial=True), Q("Pham Van Duc",["trailing"]),
  Q("Khamla Sisouk",["partial","title"],partial=True), Q("Khamla Sisouk",["colon"]),
  Q(NTL,["pronoun"])],
 "hanra-battery-recall": [
  Q("Hanra Energy",["trailing"],aliases=["Hanra"]),
  Q(PEJ,["trailing","title"]), Q(PEJ,["pronoun"]),
  Q(KTH,["partial","pronoun","title","same-surname"],partial=True,dis=True),
  Q(KSY,["trailing","same-surname"],dis=True),
  Q(PEJ,["description-ref"]),
  Q(KTH,["pronoun","same-surname"],dis=True),
  Q("Lee Ji-woo",["partial","title"],partial=True),
  Q("Choi Min-jun",["trailing"]),
  Q(KSY,["description-ref","same-surname"],dis=True)],
 "dakar-trawler-fines": [
  Q("Aminata N'Diaye",["partial","title"],partial=True), Q("Aminata N'Diaye",["trailing"]),
  Q("Ousmane Diallo",["pronoun","title"]),
  Q("Chinedu Okonkwo-Bassey",["partial","title"],partial=True), Q("Chinedu Okonkwo-Bassey",["trailing"]),
  Q("Mamadou Sy",["description-ref"]),
  Q("a spokesman for the fisheries ministry",["partial"],kind="description",partial=True),
  Q("Fatou Ba",["trailing"]), Q("Fatou Ba",["colon","pronoun"]),
  Q("Aminata N'Diaye",["pronoun","description-ref"],aliases=["the judge"])],
 "gulf-cargo-merger": [
  Q(KRM,["inverted","title"]), Q(KRM,["pronoun"]),
  Q(LAH,["partial","pronoun","title"],partial=True), Q(LAH,["trailing"]),
  Q("Omar Abdel-Fattah",["partial","title"],partial=True), Q("Omar Abdel-Fattah",["pronoun"]),
  Q("Youssef Ben Salah",["colon"]),
  Q(KRM,["description-ref"],aliases=["the chairman"]),
  Q(LAH,["pronoun"])],
 "altoandina-mine-ruling": [
  Q(MDC,["trailing","title"]), Q(MDC,["partial","pronoun"],partial=True),
  Q("Rodrigo Salcedo Vargas",["inverted","title"]), Q("Rodrigo Salcedo Vargas",["pronoun"]),
  Q("Yolanda Quispe Mamani",["trailing"]), Q("Yolanda Quispe Mamani",["partial","pronoun"],partial=True),
  Q("Augusto Benavides Ríos",["partial","title"],partial=True),
  Q("Claudia Ortiz del Valle",["partial","title"],partial=True),
  Q(MDC,["trailing"]),
  Q("an analyst at a local brokerage",["colon"],kind="description")],
 "hnatiuk-grain-fraud": [
  Q(OM,["pronoun","title"]), Q(OM,["partial","description-ref"],aliases=["the judge"],partial=True),
  Q(IH,["trailing","same-surname"],dis=True),
  Q("Dmytro Kovalenko",["partial","title"],partial=True), Q("Dmytro Kovalenko",["trailing"]),
  Q("Svitlana Bondarenko",["trailing","title"]),
  Q(VH,["colon","pronoun","same-surname"],dis=True),
  Q(IH,["pronoun","description-ref","same-surname"],dis=True),
  Q("a spokesman for the bureau",["pronoun"],kind="description"),
  Q(OM,["trailing"])],
 "oneill-pilot-obituary": [
  Q(CO,["trailing","same-surname"],dis=True),
  Q(DO,["partial","pronoun","same-surname"],partial=True,dis=True),
  N("title"),
  Q("J.K. Brennan",["trailing"]), Q("J.K. Brennan",["pronoun"]),
  Q("Gráinne Ní Bhriain",["partial","pronoun","title"],partial=True),
  Q("his widow",["pronoun","description-ref"],kind="description"),
  Q(CO,["pronoun","description-ref","same-surname"],aliases=["the younger O'Neill"],dis=True),
  Q("Aoibhe",["trailing","title"])],
 "harbourside-open-semifinal": [
  Q(TD,["trailing"]), Q(TD,["description-ref"]),
  Q("Lukas Brandauer",["partial"],partial=True), Q("Lukas Brandauer",["description-ref"]),
  Q("Kenji Watanabe",["trailing"]), Q("Kenji Watanabe",["pronoun","description-ref"]),
  Q("Mateo Ferreyra",["description-ref"]),
  Q("Helena Sousa",["trailing","title"]), Q("Helena Sousa",["pronoun","context"]),
  Q(TD,["pronoun","description-ref"]),
  Q("Sven Ekdahl",["partial","title"],partial=True)],
 "van-der-berg-bakery": [
  Q(PB,["pronoun","same-surname"],dis=True),
  Q(AB,["pronoun","same-surname"],dis=True), Q(AB,["pronoun","same-surname"],dis=True),
  Q("Joost van der Berg",["trailing","same-surname"],dis=True),
  Q("Fleur Dekker",["partial","pronoun","title"],partial=True),
  Q("Fleur Dekker",["trailing"]), Q("Fleur Dekker",["split"]),
  Q(PB,["pronoun","description-ref","same-surname"],aliases=["the elder van der Berg"],dis=True),
  Q("one customer, a retired teacher",["pronoun"],kind="description"),
  Q("Hendrik Smits",["trailing","title"]),
  Q(AB,["pronoun","same-surname"],dis=True)],
 "nwosu-stage-return": [
  Q(AN,["pronoun"]), Q(AN,["description-ref"]),
  Q("Rhys Pennant-Lloyd",["partial","pronoun"],partial=True), Q("Rhys Pennant-Lloyd",["description-ref"]),
  Q("Marie-Claire Dubois",["trailing","title"]), Q("Marie-Claire Dubois",["pronoun"]),
  Q("Okoro",["trailing"]),
  Q("Jo-Ann Price",["pronoun","description-ref"],aliases=["the spokeswoman"]),
  Q("Jo-Ann Price",["trailing","title"]),
  Q(AN,["description-ref"])],
 "lishui-ferry-inquiry": [
  Q(ZW,["inverted","title"]), Q(ZW,["partial","pronoun"],partial=True),
  Q("Chen Xiaomei",["trailing","title"]),
  Q("Lishui Water Transport Company",["partial"],partial=True),
  Q("Wang Fang",["trailing"]),
  Q("her mother",["pronoun","description-ref"],kind="description"),
  Q(ZW,["colon"]),
  Q(ZL,["pronoun","title","same-surname"],dis=True), Q(ZL,["colon","same-surname"],dis=True),
  Q(ZL,["pronoun","same-surname"],dis=True),
  Q(ZW,["pronoun","same-surname"],dis=True)],
 "lokomotiva-league-final": [
  Q(NJ,["inverted","title"]), Q(NJ,["description-ref"]),
  Q("Dragan Petrović",["pronoun","description-ref"],aliases=["the home coach"]),
  Q("Dragan Petrović",["partial"],partial=True),
  Q("Marcus Bell",["description-ref"]),
  Q(ZI,["trailing","title","same-surname"],dis=True),
  Q(ZI,["description-ref","same-surname"],dis=True),
  Q(AI,["trailing","description-ref","same-surname"],aliases=["the younger Ilić"],dis=True),
  Q("Milena Kostić-Radulović",["pronoun","title"]),
  Q(NJ,["trailing"])],
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
