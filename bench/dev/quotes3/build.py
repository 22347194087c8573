#!/usr/bin/env python3
"""Writes bench/dev/quotes3/articles/*.md and gold.jsonl from the stories and labels below.

Each story is a list of paragraphs; each label names the quoted words exactly as printed and who
said them. The script finds each label's paragraph, numbers the quoted spans of an article in
reading order, and checks that every pair of quotation marks in a story has exactly one label.
Run from the project root: python3 bench/dev/quotes3/build.py
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))

# A label: (text, speaker, kind, partial, styles, extra) for a quote, or ("NAQ", text, reason) for
# a span in marks that nobody is reported as saying.
Q = lambda text, speaker, styles, kind="name", partial=False, **extra: (
    text, speaker, kind, partial, styles, extra)
P = lambda text, speaker, styles, kind="name", **extra: (
    text, speaker, kind, True, ["partial"] + styles, extra)
N = lambda text, reason: ("NAQ", text, reason)

STORIES = []


def story(sid, title, date, source, paragraphs, labels):
    STORIES.append((sid, title, date, source, paragraphs, labels))


story("dev3-ferry-fares-relay", "Ferry fares to rise, minister confirms", "2026-11-20", "Dev Wire (Balkans)", [
    'VESKOR -- Transport Minister Dragan Lovrić has said there is "no question of cancelling the island routes" despite a second fare rise this year.',
    '"We have looked at every line, every boat and every timetable. The routes stay, the fares rise, and the subsidy comes back when the budget allows," the minister told reporters on Monday, the Pella news agency reported.',
    'Lovrić said the ferry operator, Adrilink, "has not asked for more money and will not get it," the agency reported.',
    '"Our first duty is to the islanders who have no other way to reach a hospital," the Veskori minister said.',
    'Opposition deputy Marta Kesić accused the government of "taxing people for living on an island". Kesić, who represents the southern islands, told the Coastal Herald that fares had doubled since 2024.',
    'Harbour pilot Ivo Brajković said the boats were old and the crews tired — and "one bad winter away from a breakdown," Herald reporter Sanja Petek writes.',
    'The Pella agency later reported that the cabinet would review the fares "before the summer season". "The review is a promise, not a date," it quoted a ministry official as saying.',
], [
    P("no question of cancelling the island routes", "Dragan Lovrić", ["title"]),
    Q("We have looked at every line, every boat and every timetable. The routes stay, the fares rise, and the subsidy comes back when the budget allows,", "Dragan Lovrić", ["description-ref"]),
    P("has not asked for more money and will not get it,", "Dragan Lovrić", []),
    Q("Our first duty is to the islanders who have no other way to reach a hospital,", "Dragan Lovrić", ["description-ref"]),
    P("taxing people for living on an island", "Marta Kesić", ["title"]),
    P("one bad winter away from a breakdown,", "Ivo Brajković", ["title"]),
    P("before the summer season", "Pella news agency", [], speaker_aliases=["The Pella agency"]),
    Q("The review is a promise, not a date,", "a ministry official", [], kind="description"),
])

story("dev3-border-drills-warning", "Neighbour warns over border drills", "2026-10-02", "Dev World Desk", [
    'MERANTH — The Solvari foreign ministry on Thursday urged Kaldonia not to stage "provocative exercises" near the Dravel valley, warning "those who light fires near a border should expect smoke."',
    "Ministry spokesperson Anika Roszel's comments at a weekly briefing followed a speech by Kaldonian army chief Petar Volkan, who told officers to be \"ready for any move across the river\".",
    '"If the river is crossed, we will answer the same day," Volkan said on Wednesday.',
    'The ministry also cautioned against "reckless talk" after Kaldonia confirmed it had bought two coastal radar systems from Ostrava Defence.',
    '"Every state may defend itself. No state should make its neighbours feel hunted," said the spokeswoman.',
    'Also answering a question about whether Solvara backed a plan by the Northern League to send observers to the valley, the spokeswoman replied that "observers are welcome if both sides invite them."',
    'Kaldonian Defence Minister Ruta Sarkis shrugged off the warning, saying: "We buy radar, not rockets."',
], [
    P("provocative exercises", "Solvari foreign ministry", [], speaker_aliases=["Anika Roszel"]),
    P("those who light fires near a border should expect smoke.", "Solvari foreign ministry", [], speaker_aliases=["Anika Roszel"]),
    P("ready for any move across the river", "Petar Volkan", ["title"]),
    Q("If the river is crossed, we will answer the same day,", "Petar Volkan", ["trailing"]),
    P("reckless talk", "Solvari foreign ministry", [], speaker_aliases=["Anika Roszel"]),
    Q("Every state may defend itself. No state should make its neighbours feel hunted,", "Anika Roszel", ["inverted", "description-ref"], speaker_aliases=["Solvari foreign ministry"]),
    P("observers are welcome if both sides invite them.", "Anika Roszel", ["description-ref"], speaker_aliases=["Solvari foreign ministry"]),
    Q("We buy radar, not rockets.", "Ruta Sarkis", ["leading", "title"]),
])

story("dev3-assembly-walkout", "Uproar as premier accuses opposition", "2026-09-17", "Dev Politics Desk", [
    'Premier Owen Tallis hit back at the opposition in the assembly on Tuesday, saying, "You cannot walk out every time you lose a vote and call it democracy."',
    'Opposition leader Rina Achebe shot back saying, "We walk out when the government locks the door on debate."',
    'Tallis said the opposition had "never accepted" the result of the last election. "Four years on, they are still counting the votes in their heads," he said.',
    'The Speaker, Colm Devereux, suspended the sitting for twenty minutes.',
    'When it resumed, Achebe raised a point of order. "The premier has misled this house twice in one afternoon," she said. "He should come back and correct the record."',
    'Finance Minister Abel Mwangi said the budget vote would go ahead on Thursday "whether or not the benches opposite are in their seats".',
    'He was speaking at a press conference alongside fellow ministers Joel Park and Sam Ortiz after the sitting. Ministers would not delay the vote, Mwangi said.',
    '"We have the numbers and we have the mandate," he said, adding that forty-one members had already pledged support.',
], [
    Q("You cannot walk out every time you lose a vote and call it democracy.", "Owen Tallis", ["leading", "title"]),
    Q("We walk out when the government locks the door on debate.", "Rina Achebe", ["leading", "title"]),
    P("never accepted", "Owen Tallis", []),
    Q("Four years on, they are still counting the votes in their heads,", "Owen Tallis", ["pronoun"]),
    Q("The premier has misled this house twice in one afternoon,", "Rina Achebe", ["pronoun"]),
    Q("He should come back and correct the record.", "Rina Achebe", ["context"]),
    P("whether or not the benches opposite are in their seats", "Abel Mwangi", ["title"]),
    Q("We have the numbers and we have the mandate,", "Abel Mwangi", ["pronoun"]),
])

story("dev3-square-protest", "Crowds gather after leak", "2026-08-29", "Dev Europe Desk", [
    'Lena Varga, the opposition leader who has promised weekly rallies until the cabinet resigns, said the interior ministry had "buried the truth" about the death of a student in police custody.',
    'Shortly after Varga\'s announcement, hundreds of students gathered outside the ministry, chanting "shame, shame" and demanding the resignation of Interior Minister Tomas Hradek.',
    'By evening the crowd had grown. Protesters threw bottles at the gates, and police used pepper spray to push them back, the broadcaster Radio Kestrel reported.',
    'Hradek said the recordings Varga had released were "stitched together from three different days". He told the state broadcaster that an independent inquiry would report within a month.',
    'According to the recordings presented by Varga, a senior officer had "ordered the cameras switched off" on the night the student died.',
    'Student organiser Pavel Dusek said after the rally that "nobody here was paid to come". "We came because one of us did not go home," he said.',
], [
    P("buried the truth", "Lena Varga", ["title"]),
    Q("shame, shame", "students", [], kind="description", speaker_aliases=["hundreds of students"]),
    P("stitched together from three different days", "Tomas Hradek", []),
    P("ordered the cameras switched off", "Lena Varga", ["according"], speaker_aliases=["the recordings presented by Varga"]),
    P("nobody here was paid to come", "Pavel Dusek", ["title"]),
    Q("We came because one of us did not go home,", "Pavel Dusek", ["pronoun"]),
])

story("dev3-party-statement", "Premier's office blames agitators for clashes", "2026-07-12", "Dev Wire (Mediterranean)", [
    'A statement from Prime Minister Elena Vasso\'s office blamed "a few hundred agitators bussed in from outside the city" for the clashes at Saturday\'s rally against the water deal.',
    '"Every citizen has the right to march. Nobody has the right to throw stones at those who keep the march safe," the statement said.',
    'Police also issued a statement, saying officers had faced "coordinated groups armed with bars and flares" and had "acted with restraint throughout".',
    'Former premier Andreas Kolettis wrote on social media: "The people marched in peace. The tear gas was the government\'s idea."',
    'The Harbour Workers\' Union confirmed its members had joined the march in a post that said "we marched for our jobs and we will march again".',
    'Asked about the union\'s post, Vasso told reporters the government "respects every union that respects the law".',
], [
    P("a few hundred agitators bussed in from outside the city", "Elena Vasso", [], speaker_aliases=["Prime Minister Elena Vasso's office"]),
    Q("Every citizen has the right to march. Nobody has the right to throw stones at those who keep the march safe,", "Elena Vasso", ["description-ref"], speaker_aliases=["Prime Minister Elena Vasso's office", "the statement"]),
    P("coordinated groups armed with bars and flares", "police", [], kind="description"),
    P("acted with restraint throughout", "police", [], kind="description"),
    Q("The people marched in peace. The tear gas was the government's idea.", "Andreas Kolettis", ["colon", "title"]),
    P("we marched for our jobs and we will march again", "Harbour Workers' Union", []),
    P("respects every union that respects the law", "Elena Vasso", []),
])

story("dev3-stadium-ruling", "Judge throws out stadium damages award", "2026-06-05", "Dev Courts Desk", [
    'A county judge on Friday set aside a jury award of $12 million to the family of a fan who died in a crush at Harlow Park stadium in 2023.',
    'Judge Miriam O. Castellano ruled that the stadium company had been "reasonable in every decision it made that evening" and that the jury\'s figure was "far beyond anything the evidence supports".',
    'Dwayne Okafor, a lawyer for the family, told the Riverside Ledger that they would appeal. "This family has waited three years. They can wait for the appeal court," he said. "We are not finished."',
    'Castellano, a former prosecutor, wrote that the gates had been "opened on time and closed on time".',
    '"The evidence shows the stewards followed the plan they were given," she added. "A plan that fails is not, on its own, a plan made carelessly."',
    'Her ruling also "found that the company owed no further duty once the crowd had left its land," per the Riverside Ledger.',
    'The stadium company said in a brief statement that it was "grateful to the court" and thought of the family "every day".',
], [
    P("reasonable in every decision it made that evening", "Miriam O. Castellano", ["title"]),
    P("far beyond anything the evidence supports", "Miriam O. Castellano", ["title"]),
    Q("This family has waited three years. They can wait for the appeal court,", "Dwayne Okafor", ["pronoun"]),
    Q("We are not finished.", "Dwayne Okafor", ["context"]),
    P("opened on time and closed on time", "Miriam O. Castellano", []),
    Q("The evidence shows the stewards followed the plan they were given,", "Miriam O. Castellano", ["pronoun"]),
    Q("A plan that fails is not, on its own, a plan made carelessly.", "Miriam O. Castellano", ["context"]),
    P("found that the company owed no further duty once the crowd had left its land,", "Riverside Ledger", ["according"]),
    P("grateful to the court", "stadium company", [], kind="description"),
    P("every day", "stadium company", [], kind="description"),
])

story("dev3-chamber-fury", "Attorney general clashes with MPs", "2026-05-21", "Dev Parliament Sketch", [
    'The chamber erupted on Wednesday as backbenchers clashed with Attorney General Hugh Penrose over the emergency powers bill.',
    'In a heated exchange over Mr Penrose\'s advice on the bill, the veteran Unionist told opposition MPs they had "no stomach" for an election, branding them "cowards in committee".',
    'He later described the bill\'s critics as "lost".',
    '"This house has talked for eleven months and decided nothing," he said. "It has forgotten what it is for."',
    'The remarks drew an angry response from Labour MP Grace Osei, who accused the minister of lecturing members on courage.',
    '"He sat on his hands for a decade and now he lectures us about courage," she raged.',
    '"He should be ashamed.',
    '"Nobody on these benches will take lessons from him."',
    'Penrose left the chamber without replying.',
], [
    P("no stomach", "Hugh Penrose", ["title"]),
    P("cowards in committee", "Hugh Penrose", ["title"]),
    P("lost", "Hugh Penrose", ["pronoun"]),
    Q("This house has talked for eleven months and decided nothing,", "Hugh Penrose", ["pronoun"]),
    Q("It has forgotten what it is for.", "Hugh Penrose", ["context"]),
    Q("He sat on his hands for a decade and now he lectures us about courage,", "Grace Osei", ["pronoun"]),
    Q("He should be ashamed.", "Grace Osei", ["context"]),
    Q("Nobody on these benches will take lessons from him.", "Grace Osei", ["context"]),
])

story("dev3-clinic-strain", "Clinics strain under winter virus", "2026-12-14", "Dev Health Desk", [
    '"We opened the spare ward on Monday and it was full by Tuesday night," said one nurse at Kelloway General.',
    'The nurse, who asked not to be named because staff have been told not to speak to the press, described corridors lined with trolleys.',
    '"We don\'t have the staff, we don\'t have the beds," the nurse said.',
    'Health officials, including the regional medical officer Dr. Farah Lindqvist, have warned the region could "run out of beds by New Year".',
    'Lindqvist said on "Morning Edition" that the virus would "burn out in its own time" but that the next three weeks would be hard.',
    '"Every winter we say this is the worst. This one is," said Dr. Tobias Wren, who runs the emergency department at St Aldric\'s. "People are waiting nine hours to be seen."',
    'Officials argued there was "no evidence" that the new strain was more dangerous, only that it spread faster.',
    'At a school in Burnfield, where a teacher died last week, head teacher Nora Blane said the staff were "exhausted and frightened". "We have closed until Monday so everyone can rest," she said.',
], [
    Q("We opened the spare ward on Monday and it was full by Tuesday night,", "one nurse at Kelloway General", ["inverted"], kind="description"),
    Q("We don't have the staff, we don't have the beds,", "one nurse at Kelloway General", ["description-ref"], kind="description"),
    P("run out of beds by New Year", "Farah Lindqvist", ["title"], speaker_aliases=["Health officials"]),
    N("Morning Edition", "title"),
    P("burn out in its own time", "Farah Lindqvist", []),
    Q("Every winter we say this is the worst. This one is,", "Tobias Wren", ["inverted", "title"]),
    Q("People are waiting nine hours to be seen.", "Tobias Wren", ["context"]),
    P("no evidence", "Officials", [], kind="description"),
    P("exhausted and frightened", "Nora Blane", ["title"]),
    Q("We have closed until Monday so everyone can rest,", "Nora Blane", ["pronoun"]),
])

story("dev3-tweet-storm", "Minister and opposition trade barbs online", "2026-04-09", "Dev Politics Desk", [
    'Deputy Prime Minister Ravi Menon on Monday accused the opposition of blocking the budget for the sake of headlines, news agency Tellus reported.',
    '"The deputy prime minister told us the opposition is wrecking the session for headlines," a party colleague was quoted as saying.',
    '"The deputy prime minister said the opposition treats parliament as a stage," sources said, referring to a remark by opposition whip Tara Quinlan.',
    '"Forty bills in nine days. That is not law-making, that is a conveyor belt," Quinlan had tweeted on Sunday.',
    'Menon\'s office confirmed the exchange in a message that said "the deputy prime minister stands by every word".',
    'Health Minister Joseph Adeyemi later told reporters the government had a "clear majority" on every bill. "We won every vote by twenty or more," he said.',
    'He was speaking alongside junior ministers Karl Fenn and Diego Alvarez. The session would run until Friday, Adeyemi said.',
    '"Nobody is being rushed," he said.',
], [
    Q("The deputy prime minister told us the opposition is wrecking the session for headlines,", "a party colleague", [], kind="description"),
    Q("The deputy prime minister said the opposition treats parliament as a stage,", "sources", [], kind="description"),
    Q("Forty bills in nine days. That is not law-making, that is a conveyor belt,", "Tara Quinlan", ["trailing"]),
    P("the deputy prime minister stands by every word", "Ravi Menon", [], speaker_aliases=["Menon's office"]),
    P("clear majority", "Joseph Adeyemi", ["title"]),
    Q("We won every vote by twenty or more,", "Joseph Adeyemi", ["pronoun"]),
    Q("Nobody is being rushed,", "Joseph Adeyemi", ["pronoun"]),
])
OPEN_CLOSE = {'"': '"', "“": "”", "‘": "’"}


def spans(par):
    """Quoted spans of a paragraph in reading order: straight double, curly double, and curly single
    quotes (a ‘ after a letter is an apostrophe; a ’ closes only before a non-letter). Marks inside
    an open span belong to it."""
    out, i = [], 0
    while i < len(par):
        c = par[i]
        if c in OPEN_CLOSE and not (c == "‘" and i > 0 and par[i - 1].isalpha()):
            close = OPEN_CLOSE[c]
            j = i + 1
            while j < len(par):
                if par[j] == close and (close != "’" or j + 1 == len(par) or not par[j + 1].isalpha()):
                    break
                j += 1
            out.append((par[i + 1:j], "single" if c == "‘" else "double"))
            i = j + 1
        else:
            i += 1
    return out


def main():
    gold, problems = [], []
    os.makedirs(os.path.join(HERE, "articles"), exist_ok=True)
    for sid, title, date, source, paragraphs, labels in STORIES:
        found = [(n + 1, s, m) for n, p in enumerate(paragraphs) for s, m in spans(p)]
        if len(found) != len(labels):
            problems.append(f"{sid}: {len(found)} quoted spans, {len(labels)} labels: {[s for _, s, _ in found]}")
            continue
        for k, ((para, span, marks), label) in enumerate(zip(found, labels), start=1):
            text = label[1] if label[0] == "NAQ" else label[0]
            if text != span:
                problems.append(f"{sid} #{k}: label {text!r} but span {span!r}")
            row_id = f"{sid}#{k}"
            if label[0] == "NAQ":
                gold.append({"kind": "not-a-quote", "article": sid, "paragraph": para, "text": text,
                             "reason": label[2], "marks": marks, "id": row_id})
                continue
            _, speaker, kind, partial, styles, extra = label
            row = {"kind": "quote", "article": sid, "paragraph": para, "paragraphs": [para], "text": text,
                   "speaker": speaker, "speaker_kind": kind}
            if extra.get("speaker_aliases"):
                row["speaker_aliases"] = extra["speaker_aliases"]
            if extra.get("disambiguate"):
                row["disambiguate"] = True
            row.update({"partial": partial, "style": styles, "id": row_id})
            gold.append(row)
        front = (f'---\ntitle: "{title}"\nauthor: Newsroom Bot dev set\ndate: {date}\nsource: {source}\n'
                 f"url: https://example.org/dev/{sid}\nlicence: written for this project (fictional)\n---\n\n")
        with open(os.path.join(HERE, "articles", sid + ".md"), "w", encoding="utf-8") as f:
            f.write(front + "\n\n".join(paragraphs) + "\n")
    if problems:
        sys.exit("\n".join(problems))
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
        for row in gold:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    quotes = [r for r in gold if r["kind"] == "quote"]
    print(f"{len(STORIES)} stories, {len(quotes)} quotes "
          f"({sum(r['speaker_kind'] == 'name' for r in quotes)} named, "
          f"{sum(r['speaker_kind'] == 'description' for r in quotes)} described), "
          f"{len(gold) - len(quotes)} not-a-quote")


if __name__ == "__main__":
    main()
