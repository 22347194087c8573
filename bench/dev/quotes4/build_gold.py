#!/usr/bin/env python3
"""Writes bench/dev/quotes4/gold.jsonl from articles/*.md and the per-story labels below.

Each story's labels list its quoted spans in reading order. The script numbers the spans of an
article (straight double quotes; an opening mark with no closing one in its paragraph runs to the
paragraph's end, as a quotation continued in the next paragraph does) and checks that every span
has exactly one label. Edit the labels, then run: python3 bench/dev/quotes4/build_gold.py
"""
import json, os, re, sys

D = os.path.dirname(os.path.abspath(__file__))


def Q(speaker, styles, kind="name", aliases=None, partial=False, dis=False):
    """A gold quote. kind: name | description | none (speaker None)."""
    return dict(kind="quote", speaker=speaker, speaker_kind=kind, aliases=aliases,
                partial=partial or "partial" in styles, style=styles, dis=dis)


def P(speaker, styles=(), **kw):
    """A partial quote inside reported speech."""
    return Q(speaker, ["partial"] + list(styles), partial=True, **kw)


def NONE(styles):
    """Quoted words the article gives to nobody it names (no speaker is right)."""
    return Q(None, styles, kind="none")


def N(reason):
    return dict(kind="not-a-quote", reason=reason)


SS = "same-surname"
SPEC = {
 "harwick-budget-standoff": [
  P("Rural Alliance", ["title"], aliases=["the Alliance"]),
  Q("Petra Holloway", ["trailing", "title"]),
  Q("Petra Holloway", ["pronoun"]),
  N("term"),
  Q("Anselm Drury", ["colon", "title", "party-tag"]),
  P("Oona Sekeller", ["title", "quoted-as"]),
  P("Labour Front", []),
  Q("Caius Brennan-Oduya", ["inverted", "title"]),
  P("Anselm Drury", ["office"], aliases=["Drury's office"]),
  Q("Linnea Vost", ["trailing", "title"]),
  Q("Petra Holloway", ["pronoun"]),
  Q("Sunniva Kraal", ["leading", "title", "party-tag"])],
 "tarrow-pension-fraud": [
  P("Honora Castellane", ["title"]),
  Q("Honora Castellane", ["description-ref"], aliases=["the judge"]),
  Q("Dorian Pask", ["leading", "pronoun"]),
  P("Felix Amadi-Rowe", ["title"]),
  Q("Felix Amadi-Rowe", ["split", "trailing"]),
  Q("Felix Amadi-Rowe", ["split"]),
  P("Wendell Achterfeld", ["according", "title"]),
  Q("Wendell Achterfeld", ["description-ref"], aliases=["the prosecutor"]),
  P("Municipal Workers' Union", ["organisation"]),
  Q("Municipal Workers' Union", ["trailing", "description-ref", "organisation"], aliases=["the union"]),
  P("Tarrow District Council", ["description-ref", "organisation"], aliases=["The council"]),
  N("name")],
 "velmora-brightfold-merger": [
  Q("Ingrid Solberg-Maas", ["trailing", "title"]),
  Q("Tomasz Relling", ["colon", "title"]),
  P("Northern Competition Authority", ["organisation"]),
  Q("Abdi Warsame", ["trailing", "title"]),
  P("Velmora Dairies", ["organisation"], aliases=["Velmora"]),
  Q("Renata Okonjo", ["inverted", "title"]),
  P("a person close to the negotiations", ["quoted-as"], kind="description"),
  P("Ingrid Solberg-Maas", ["quoted-as"]),
  Q("Ingrid Solberg-Maas", ["pronoun", "colon"]),
  Q("Food and Dairy Workers' Union", ["trailing", "description-ref", "organisation"], aliases=["the union"]),
  NONE(["context", "two-candidates"])],
 "kestrels-cup-semifinal": [
  Q("Matthias Obi", ["trailing", "title"]),
  Q("Jonah Ferreira", ["inverted", SS], dis=True),
  Q("Jonah Ferreira", ["context", SS], dis=True),
  Q("Luca Ferreira", ["pronoun", SS], dis=True),
  Q("Sami Kallio", ["leading", "title"]),
  Q("Brigitte Laval", ["trailing", "title"]),
  P("Brigitte Laval", []),
  P("Brigitte Laval", []),
  Q("Matthias Obi", ["trailing", "description-ref"], aliases=["the Kestrels coach"]),
  Q("Femi Adeyinka", ["colon", "title"]),
  P("Lowmere Kestrels", ["description-ref", "organisation"], aliases=["The club", "Kestrels"])],
 "orvane-measles-cluster": [
  Q("Orvane regional health ministry", ["trailing", "description-ref", "organisation"],
    aliases=["the regional health ministry", "the ministry"]),
  P("Orvane regional health ministry", ["according", "description-ref", "organisation"],
    aliases=["the regional health ministry", "the ministry"]),
  Q("Amara Lindqvist", ["pronoun", "title"]),
  Q("one grandmother", ["inverted"], kind="description"),
  Q("Gemma Stroud", ["leading", "title"]),
  Q("Rowan Achebe-Hurst", ["colon", "title", "two-paragraph"]),
  Q("Rowan Achebe-Hurst", ["context", "two-paragraph"]),
  P("Orvane Families for Choice", ["title", "organisation"]),
  P("Orvane regional health ministry", ["description-ref", "organisation"],
    aliases=["the regional health ministry", "the ministry"]),
  P("Tobias Wrenfield", ["title", "quoted-as"]),
  Q("a nurse at the library clinic", ["trailing"], kind="description")],
 "storm-ellery-coast": [
  P("National Weather Office", ["organisation"]),
  Q("National Weather Office", ["trailing", "description-ref", "organisation"], aliases=["the weather office"]),
  Q("Idris Kamau", ["trailing", "title"]),
  Q("Elspeth Noon", ["pronoun", "title", SS], dis=True),
  Q("Elspeth Noon", ["context", SS], dis=True),
  Q("Cal Noon", ["trailing", SS], dis=True),
  N("slogan"),
  NONE(["colon", "unattributed"]),
  Q("Ruth Adebayo-Lark", ["leading", "title"]),
  Q("Mirela Osei", ["trailing", "title"]),
  P("Coastline Power", ["organisation"])],
 "marrowby-golden-gull": [
  N("title"),
  Q("Aisling Petrov", ["trailing"]),
  Q("Aisling Petrov", ["context"]),
  P("Gideon Ashcombe", ["title"]),
  Q("Gideon Ashcombe", ["pronoun"]),
  N("title"),
  P("Yusuf Demirel", []),
  N("title"),
  P("Nell Quarrington", ["title"]),
  N("term"),
  Q("Omar Lindgren", ["inverted", "title"]),
  P("Aisling Petrov", []),
  Q("Aisling Petrov", ["colon"])],
 "brenmoor-parking-charges": [
  Q("Hattie Grange", ["colon", "title"]),
  NONE(["context", "two-candidates"]),
  Q("Della Marchetti", ["pronoun"]),
  Q("Bram Tiller", ["pronoun"]),
  P("Peregrine Hale", ["title"]),
  P("Brenmoor Traders' Association", ["organisation"]),
  Q("Winifred Oyelaran", ["trailing", "title"]),
  Q("Hattie Grange", ["trailing", "description-ref"], aliases=["the councillor"]),
  Q("Ottilie Brisk", ["leading", "title"]),
  P("Maud", ["title"]),
  N("slogan")],
 "calder-bay-plastic-microbe": [
  Q("Kwame Asante-Lind", ["inverted", "title"]),
  N("name"),
  P("the study", ["document"], kind="description"),
  Q("Priya Venkataraman-Holt", ["pronoun", "title"]),
  Q("Priya Venkataraman-Holt", ["context"]),
  P("Priya Venkataraman-Holt", ["pronoun"]),
  Q("Kwame Asante-Lind", ["split", "trailing"]),
  Q("Kwame Asante-Lind", ["split"]),
  P("Felipe Moraes-Quint", ["title"]),
  P("Felipe Moraes-Quint", []),
  P("University of Calder Bay", ["description-ref", "organisation"], aliases=["The university"]),
  Q("Kwame Asante-Lind", ["pronoun"])],
 "stallbridge-jeweller-raid": [
  Q("Marguerite Olander", ["trailing", "title"]),
  Q("Marguerite Olander", ["context"]),
  Q("Elias Brandwood", ["colon", "title", "quoted-as", SS], dis=True),
  Q("Freya Brandwood", ["pronoun", "title", SS], dis=True),
  Q("one of the men", ["leading"], kind="description"),
  Q("the witness", ["trailing", "description-ref"], kind="description", aliases=["A witness"]),
  P("Marguerite Olander", []),
  P("Stallbridge Police", ["organisation"], aliases=["police"]),
  P("Corin Ashdown", ["quoted-as"]),
  Q("Marguerite Olander", ["trailing", "description-ref"], aliases=["the inspector"]),
  Q("Marguerite Olander", ["split", "trailing"]),
  Q("Marguerite Olander", ["split"])],
 "serin-water-bill": [
  Q("Ysolde Marchbank", ["inverted", "title", "party-tag"]),
  P("Harlan Voss", []),
  Q("Harlan Voss", ["trailing", "description-ref"], aliases=["the Ostmark senator"]),
  P("Corrado Ilves", ["title", "party-tag"]),
  Q("Corrado Ilves", ["trailing"]),
  P("government of Highmere", ["organisation"], aliases=["Highmere"]),
  P("Ines Falkner", ["title"]),
  Q("Paavo Lindell", ["leading", "title"]),
  Q("Teodor Halmi", ["inverted", "title"]),
  Q("Ysolde Marchbank", ["colon"])],
 "haldane-village-shop": [
  Q("Agnes Haldane", ["inverted", "title", SS], dis=True),
  Q("Agnes Haldane", ["context", SS], dis=True),
  P("Robert Haldane", ["title", SS], dis=True),
  Q("Robert Haldane", ["leading", SS], dis=True),
  Q("Kirsty Haldane", ["trailing", SS], aliases=["Kirsty"], dis=True),
  Q("Beatrix Lowe", ["colon", "title"]),
  P("Fenwick Cross Gazette", ["organisation"]),
  Q("Agnes Haldane", ["trailing", "description-ref", SS], aliases=["the grandmother"], dis=True),
  Q("Ahmed Sorensen", ["inverted", "title"]),
  N("slogan"),
  Q("Kirsty Haldane", ["colon", SS], dis=True),
  Q("Robert Haldane", ["pronoun", SS], aliases=["Her father"], dis=True)],
}


def spans(par):
    """Quoted spans of one paragraph in reading order; an unclosed opening mark runs to the end."""
    marks = [m.start() for m in re.finditer('"', par)]
    out = []
    for k in range(0, len(marks), 2):
        end = marks[k + 1] if k + 1 < len(marks) else len(par)
        out.append(par[marks[k] + 1:end])
    return out


def main():
    out, problems = [], []
    for art, spec in SPEC.items():
        text = open(f"{D}/articles/{art}.md", encoding="utf-8").read().split("---\n", 2)[2]
        paras = [p.strip() for p in text.strip().split("\n\n")]
        found = [(i + 1, t) for i, p in enumerate(paras) for t in spans(p)]
        if len(found) != len(spec):
            problems.append(f"{art}: {len(found)} spans, {len(spec)} labels: {[t for _, t in found]}")
            continue
        for n, ((pi, t), s) in enumerate(zip(found, spec), 1):
            rid = f"{art}#{n}"
            if s["kind"] == "not-a-quote":
                out.append(dict(kind="not-a-quote", article=art, paragraph=pi, text=t,
                                reason=s["reason"], marks="double", id=rid))
                continue
            r = dict(kind="quote", article=art, paragraph=pi, paragraphs=[pi], text=t,
                     speaker=s["speaker"], speaker_kind=s["speaker_kind"])
            if s["aliases"]:
                r["speaker_aliases"] = s["aliases"]
            if s["dis"]:
                r["disambiguate"] = True
            r.update(partial=s["partial"], style=s["style"], id=rid)
            out.append(r)
    if problems:
        sys.exit("\n".join(problems))
    with open(f"{D}/gold.jsonl", "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    q = [r for r in out if r["kind"] == "quote"]
    kinds = {k: sum(r["speaker_kind"] == k for r in q) for k in ("name", "description", "none")}
    print(len(SPEC), "stories,", len(q), "quotes", kinds, sum(r["partial"] for r in q), "partial,",
          len(out) - len(q), "not-a-quote")
    styles = {}
    for r in q:
        for s in r["style"]:
            styles[s] = styles.get(s, 0) + 1
    print(", ".join(f"{k} {v}" for k, v in sorted(styles.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main()
