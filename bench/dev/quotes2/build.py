#!/usr/bin/env python3
"""Writes bench/dev/quotes2/articles/*.md and gold.jsonl from the stories and labels below.

Each story is a list of paragraphs; each label names the quoted words exactly as printed and who
said them. The script finds each label's paragraph, numbers the quoted spans of an article in
reading order, and checks that every pair of quotation marks in a story has exactly one label.
Run from the project root: python3 bench/dev/quotes2/build.py
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


story("dev2-wrenfold-bin-collections", "Wrenfold councillors vote for three-weekly bin collections",
      "2026-11-03", "Dev Local Desk (UK)", [
    'Councillors in Wrenfold have voted to move household bin collections to once every three weeks, a change the opposition leader, Cllr Imogen Thackeray, said would leave streets "knee-deep in rubbish by Easter".',
    'The cabinet member for the environment, Cllr Martin Okunade, told the meeting the authority had "no money left to move" after a £4.2m shortfall, and accused Ms Thackeray of "pretending the grant cuts never happened".',
    'Ms Thackeray shot back: "Nobody is pretending anything. We are asking why the cuts always land on the doorstep."',
    'Asked about the fate of the garden waste service, Mr Okunade said it would be reviewed "in the spring, with everything else". He added that residents who had already paid for the current year would be refunded.',
    'The leader of the council, Cllr Denise Farrowby, was blunt: "If anyone has found a spare four million pounds, my door is open."',
    'Residents who packed the public gallery were less forgiving. Glenys Abara, 71, who has lived on the Moorcroft estate for forty years, said her street had been "forgotten for a decade" and that the council\'s "Greener Wrenfold" strategy meant nothing to pensioners.',
    'Her neighbour, Tomasz Zielonka, put it this way: "We recycle everything. Now we get to watch it pile up for three weeks instead of two."',
    'Ms Farrowby later thanked Ms Abara for coming and promised to visit the Moorcroft estate before Christmas. "Nobody on this side of the chamber enjoys this," she said.',
    'The Liberal Democrat group, which abstained, issued a statement after the vote: "This is the wrong decision taken for the right reasons, and residents deserve better than a shrug."',
    'The Municipal Workers\' Guild, which represents the council\'s refuse crews, said it had not been consulted. A spokesperson for the guild said its members were "angry but not surprised".',
    'The new timetable begins on 5 January. Mr Okunade said the council would send every household a printed collection calendar before Christmas. "People will have the dates on their fridge before the first lorry goes out."',
], [
    P("knee-deep in rubbish by Easter", "Imogen Thackeray", ["title"]),
    P("no money left to move", "Martin Okunade", ["title"]),
    P("pretending the grant cuts never happened", "Martin Okunade", ["title"]),
    Q("Nobody is pretending anything. We are asking why the cuts always land on the doorstep.", "Imogen Thackeray", ["colon"]),
    P("in the spring, with everything else", "Martin Okunade", []),
    Q("If anyone has found a spare four million pounds, my door is open.", "Denise Farrowby", ["colon", "title"]),
    P("forgotten for a decade", "Glenys Abara", []),
    N("Greener Wrenfold", "name"),
    Q("We recycle everything. Now we get to watch it pile up for three weeks instead of two.", "Tomasz Zielonka", ["colon"]),
    Q("Nobody on this side of the chamber enjoys this,", "Denise Farrowby", ["trailing", "pronoun"]),
    Q("This is the wrong decision taken for the right reasons, and residents deserve better than a shrug.", "Liberal Democrat group", ["colon"]),
    P("angry but not surprised", "Municipal Workers' Guild", [], speaker_aliases=["a spokesperson for the guild"]),
    Q("People will have the dates on their fridge before the first lorry goes out.", "Martin Okunade", ["context"]),
])

story("dev2-teasdale-backs-kellerman", "Selector stands by Kellerman after Perth collapse",
      "2026-12-01", "Dev Sport Wire (Australia)", [
    'National selector Bruce Teasdale has backed under-fire opener Lachie Kellerman to keep his place for the second Test, describing the 24-year-old\'s form as "a blip, not a trend".',
    'Kellerman was dismissed for two and four in Perth, and former captain Wade Moncrieff said on SportsNation Radio on Sunday that the left-hander had looked "scrambled" at the crease.',
    'Teasdale fired back on Monday. "Wade played 60 Tests and had a few bad weeks himself, from memory," he said.',
    'Asked whether Kellerman had been told his spot was safe, Teasdale quipped: "He\'s been told to keep his phone switched off."',
    'Kellerman, speaking at the team\'s hotel in Adelaide, was philosophical. "You get two bad balls and everyone\'s an expert," he said. "I\'m hitting them well in the nets."',
    'Australia\'s coach, Rhys Palamara, was asked about the other vacancy, left by injured quick Tom Gedye. Palamara said the bowler\'s hamstring was "not great" and that a decision would come "after the last net session on Tuesday".',
    'The pitch would offer "something for everyone", according to head curator Dean Mulvaney, speaking to the Southern Courier.',
    'Gedye himself posted a short video on social media. "Ham\'s fine, legs are fine, I\'ll be there," the 29-year-old said, grinning.',
    'Moncrieff was unmoved when the Courier put Teasdale\'s comments to him. "Bruce can say what he likes. I\'ve watched the footage," he countered.',
    'Former Test spinner Colin Ashgrove, who coached Kellerman at under-19 level, said the young opener would "come good, as he always does".',
    'The second Test begins in Adelaide on Friday, a day-night match that broadcasters have billed as "the Twilight Clash".',
    'Teasdale had the last word. "We pick on form over years, not over one Test. Lachie stays."',
], [
    P("a blip, not a trend", "Bruce Teasdale", ["title"]),
    P("scrambled", "Wade Moncrieff", ["title"]),
    Q("Wade played 60 Tests and had a few bad weeks himself, from memory,", "Bruce Teasdale", ["trailing", "pronoun"]),
    Q("He's been told to keep his phone switched off.", "Bruce Teasdale", ["colon"]),
    Q("You get two bad balls and everyone's an expert,", "Lachie Kellerman", ["trailing", "pronoun"]),
    Q("I'm hitting them well in the nets.", "Lachie Kellerman", ["context"]),
    P("not great", "Rhys Palamara", []),
    P("after the last net session on Tuesday", "Rhys Palamara", []),
    P("something for everyone", "Dean Mulvaney", ["according", "title"]),
    Q("Ham's fine, legs are fine, I'll be there,", "Tom Gedye", ["trailing", "description-ref"]),
    Q("Bruce can say what he likes. I've watched the footage,", "Wade Moncrieff", ["trailing", "pronoun"]),
    P("come good, as he always does", "Colin Ashgrove", ["title"]),
    N("the Twilight Clash", "name"),
    Q("We pick on form over years, not over one Test. Lachie stays.", "Bruce Teasdale", ["context"]),
])

story("dev2-narmadapur-bail-order", "High Court grants bail to river activist, says dissent is not a crime",
      "2026-09-17", "Dev Legal Desk (India)", [
    'The Narmadapur High Court on Thursday granted bail to environmental activist Sameer Dhanwade, observing that "dissent, however sharply worded, is not a crime under any law of this country".',
    'A Division Bench of Justice Meenakshi Raghavendran and Justice Arvind Kolhatkar said the prosecution had failed to show that Dhanwade\'s speeches at a rally in March amounted to "incitement of any kind".',
    'Dhanwade, 34, was arrested in April after a speech in which, according to the police, he called the district administration "a gang of contractors".',
    'Appearing for Dhanwade, Senior Advocate Nandini Iyer submitted that the arrest was "a textbook case of using the criminal law to silence criticism". She told the court that her client had "never once" called for violence.',
    'Additional Public Prosecutor Vikrant Sathe countered that the speech had been delivered to "a charged crowd of several thousand" on the eve of a bandh. "The words cannot be read in a vacuum, My Lords," he argued.',
    'The Bench was not persuaded. "If every harsh word at a rally is incitement, then every election in this country would end in a thousand arrests," it said.',
    'The order directed the investigating officer to file a fresh report under the heading "Status of Investigation" within four weeks.',
    'Speaking to reporters outside the court, Dhanwade\'s mother, Sulochana Dhanwade, said the family had "waited seven months for this day". "My son spoke for the river. That is all he did," she said.',
    'According to Ms Iyer, who spoke to Samachar Live after the hearing, the bail conditions are "strict but fair".',
    'The State is expected to challenge the order. Sathe told reporters: "We will study the judgment and take a call." Asked if the State would approach the Supreme Court, he said, "All options are open."',
    'Dhanwade himself did not speak to the press. A note he wrote from jail, read out by his lawyer, ended: "The river does not need my bail. It needs yours."',
], [
    P("dissent, however sharply worded, is not a crime under any law of this country", "Narmadapur High Court", [],
      speaker_aliases=["the Bench", "Division Bench", "Meenakshi Raghavendran", "Arvind Kolhatkar"]),
    P("incitement of any kind", "Narmadapur High Court", ["title"],
      speaker_aliases=["the Bench", "Division Bench", "Meenakshi Raghavendran", "Arvind Kolhatkar"]),
    P("a gang of contractors", "Sameer Dhanwade", ["pronoun", "same-surname"], disambiguate=True),
    P("a textbook case of using the criminal law to silence criticism", "Nandini Iyer", ["title"]),
    P("never once", "Nandini Iyer", ["pronoun"]),
    P("a charged crowd of several thousand", "Vikrant Sathe", ["title"]),
    Q("The words cannot be read in a vacuum, My Lords,", "Vikrant Sathe", ["trailing", "pronoun"]),
    Q("If every harsh word at a rally is incitement, then every election in this country would end in a thousand arrests,",
      "Narmadapur High Court", ["trailing", "pronoun"],
      speaker_aliases=["the Bench", "Division Bench", "Meenakshi Raghavendran", "Arvind Kolhatkar"]),
    N("Status of Investigation", "title"),
    P("waited seven months for this day", "Sulochana Dhanwade", ["title", "same-surname"], disambiguate=True),
    Q("My son spoke for the river. That is all he did,", "Sulochana Dhanwade", ["trailing", "pronoun", "same-surname"], disambiguate=True),
    P("strict but fair", "Nandini Iyer", ["according"]),
    Q("We will study the judgment and take a call.", "Vikrant Sathe", ["colon"]),
    Q("All options are open.", "Vikrant Sathe", ["leading", "pronoun"]),
    Q("The river does not need my bail. It needs yours.", "Sameer Dhanwade", ["colon", "same-surname"], disambiguate=True),
])

story("dev2-health-workers-strike", "Health workers begin indefinite strike over unpaid arrears",
      "2026-10-05", "Dev Africa Wire (Nigeria)", [
    'The United Health Professionals\' Union (UHPU) has begun an indefinite strike in public hospitals across the country, three weeks after talks with the Federal Government broke down.',
    'The union issued a statement on Sunday night: "Our members have been patient for eighteen months. Patience is not a salary."',
    'The statement said members would provide "skeletal emergency services only" until the government paid arrears owed under a 2024 agreement.',
    'The Minister of Labour and Employment, Dr. Usman Tanko-Lawal, described the strike as "hasty and unpatriotic" and said the government had already released "over ₦40 billion" to clear the arrears.',
    'The union\'s national president, Comrade Babatunde Adebanjo, fired back at a press conference in Abuja on Monday. "The minister should show us the alerts. Not one of our members has seen a kobo," he said.',
    'Adebanjo, flanked by the union\'s general secretary, Ibrahim Sule Danladi, said the strike would continue "until the last naira is paid". "We did not start this. We are ending it," he added.',
    'At Ikorodu General Hospital, relatives of patients waited outside locked wards. Mrs. Chinwe Obiora said she had been there since dawn with her father. "They told us to go to a private clinic. With what money?" she asked.',
    'The chairman of the state\'s resident doctors\' association, Dr. Femi Oduwole, said doctors were now "doing the work of three cadres for the pay of one".',
    'According to Danladi, who spoke on the breakfast programme "Morning Pulse" on Heritage FM, the union has written "no fewer than eleven letters" to the ministry since January.',
    'The Federal Ministry of Labour and Employment countered in a terse statement on Tuesday: "The Federal Government remains committed to dialogue and urges the union to return to work."',
    'Hospital workers in two more states joined the strike on Tuesday, according to the union. "Every day of this is on the government\'s conscience," Adebanjo told reporters as he left the briefing.',
], [
    Q("Our members have been patient for eighteen months. Patience is not a salary.", "United Health Professionals' Union", ["colon"], speaker_aliases=["UHPU"]),
    P("skeletal emergency services only", "United Health Professionals' Union", [], speaker_aliases=["UHPU", "the statement"]),
    P("hasty and unpatriotic", "Usman Tanko-Lawal", ["title"]),
    P("over ₦40 billion", "Usman Tanko-Lawal", ["title"]),
    Q("The minister should show us the alerts. Not one of our members has seen a kobo,", "Babatunde Adebanjo", ["trailing", "pronoun"]),
    P("until the last naira is paid", "Babatunde Adebanjo", []),
    Q("We did not start this. We are ending it,", "Babatunde Adebanjo", ["trailing", "pronoun"]),
    Q("They told us to go to a private clinic. With what money?", "Chinwe Obiora", ["trailing", "pronoun"]),
    P("doing the work of three cadres for the pay of one", "Femi Oduwole", ["title"]),
    N("Morning Pulse", "title"),
    P("no fewer than eleven letters", "Ibrahim Sule Danladi", ["according"]),
    Q("The Federal Government remains committed to dialogue and urges the union to return to work.",
      "Federal Ministry of Labour and Employment", ["colon"]),
    Q("Every day of this is on the government's conscience,", "Babatunde Adebanjo", ["trailing"]),
])

story("dev2-airspace-office-hearing", "Senators grill drone safety chief over missed deadlines",
      "2026-12-08", "Dev Washington Wire", [
    'The head of the Federal Airspace Safety Office, Lorraine Whitacre, faced hours of pointed questions from senators Tuesday over what one committee member called a "culture of shrugging" at the agency.',
    'Sen. Harold Pinegar, R-Mont., the committee\'s chairman, opened the hearing by reading from an inspector general\'s report that found the agency had missed 14 of 19 deadlines. "Fourteen of nineteen. In Montana we\'d call that a bad harvest," Pinegar said.',
    'Whitacre said the agency had been asked to write rules for "an industry that didn\'t exist five years ago" with the staff it had a decade earlier. She said the office had hired 40 new engineers this year.',
    'Asked about a near-collision between a delivery drone and a medical helicopter in Ohio last spring, Whitacre said the investigation was "days away" from being complete.',
    'Sen. Dolores Ybarra, D-N.M., pressed her on that answer, noting that Whitacre had used the same phrase in a letter to Ybarra\'s office in June. "Days away in June, days away in December," she said. "Which days?"',
    'Whitacre apologized for the delay but shot back that the agency would not "rush a finding to make a hearing go smoothly."',
    'Pinegar\'s Democratic counterpart on the committee, Sen. Marcus Delacroix-Hart, D-Ill., said the agency\'s "tiered waiver" program had become "a back door for anyone with a lawyer."',
    'In written testimony, the Air Medical Operators Coalition said its pilots had reported 212 drone sightings near hospital helipads this year. "Our crews are flying with one eye on the patient and one eye on the sky," the testimony said.',
    'Whitacre, who was confirmed by a 61-38 vote in 2023, told reporters after the hearing that she welcomed the scrutiny. "It\'s their job to be impatient. It\'s mine to be right," she said.',
    'Ybarra was not satisfied. Asked by reporters whether she would support a bill to split the agency in two, she said: "I\'m not there yet. Ask me after the Ohio report comes out, if it comes out."',
    'The committee plans a second hearing in February. Pinegar said it would be "shorter and, I hope, happier."',
], [
    P("culture of shrugging", "one committee member", [], kind="description"),
    Q("Fourteen of nineteen. In Montana we'd call that a bad harvest,", "Harold Pinegar", ["trailing"]),
    P("an industry that didn't exist five years ago", "Lorraine Whitacre", []),
    P("days away", "Lorraine Whitacre", []),
    Q("Days away in June, days away in December,", "Dolores Ybarra", ["trailing", "pronoun"]),
    Q("Which days?", "Dolores Ybarra", ["context"]),
    P("rush a finding to make a hearing go smoothly.", "Lorraine Whitacre", []),
    N("tiered waiver", "term"),
    P("a back door for anyone with a lawyer.", "Marcus Delacroix-Hart", ["title"]),
    Q("Our crews are flying with one eye on the patient and one eye on the sky,", "Air Medical Operators Coalition",
      ["trailing", "description-ref"], speaker_aliases=["the testimony"]),
    Q("It's their job to be impatient. It's mine to be right,", "Lorraine Whitacre", ["trailing", "pronoun"]),
    Q("I'm not there yet. Ask me after the Ohio report comes out, if it comes out.", "Dolores Ybarra", ["colon", "pronoun"]),
    P("shorter and, I hope, happier.", "Harold Pinegar", []),
])

story("dev2-flickering-star", "A quiet star that flickers: astronomers puzzle over a dimming dwarf",
      "2026-08-21", "Dev Science Magazine", [
    'For three years, a dim orange star about 400 light-years away did nothing interesting at all. Then, in the spring of 2025, it began to dim by nearly a fifth every 11 days, and nobody has yet explained why.',
    '“We thought it was the instrument. Everyone always thinks it’s the instrument,” says Anneliese Brandvold, an astronomer at the University of Tromsvik who led the team that spotted the dips.',
    'Brandvold and her colleagues describe the star, which they nicknamed “the Blinker”, in a paper published this week in the Journal of Stellar Physics under the title “Periodic Deep Dimming in a Quiet K Dwarf”.',
    'The paper’s central claim is modest. The dips, the authors write, are “consistent with an opaque body or swarm of bodies” passing in front of the star, but “no single model explains all of the observations.”',
    'Kwabena Nyamekye, an astrophysicist at Coastal Ridge University who was not involved in the study, put it this way: “When a star does something strange, the first ninety-nine explanations are boring. This might be number one hundred.”',
    'He is not ready to bet on anything exotic, though. Dust from a collision between two young planets could produce dimming like this, he said, as could a companion star with a lopsided disk. “Boring is still the favourite.”',
    'The discovery came almost by accident. Rosalind Tey, then a second-year doctoral student in Brandvold’s group, was checking the software that cleans the telescope’s data when she noticed that one star’s brightness curve looked “like a comb”.',
    '“I went to Anneliese’s office and said, ‘Either I broke something or this star is broken,’” she recalls.',
    'Brandvold laughs at the memory. Her first instinct, she admits, was to tell Tey to check the code again. “I told her to rerun it three times. She did it five.”',
    'According to Brandvold, the team has now booked time on two larger telescopes, in Chile and the Canary Islands, and hopes to catch the star “mid-blink” next March.',
    'Not everyone is patient. An online forum for amateur astronomers already has a thread titled “ALIENS??? (probably not)”, which Nyamekye called “the most honest headline I’ve seen all year.”',
    'For now, the Blinker keeps blinking, every 11 days, right on schedule. “It’s the most reliable thing in my life,” Brandvold says.',
], [
    Q("We thought it was the instrument. Everyone always thinks it’s the instrument,", "Anneliese Brandvold", ["inverted", "title"]),
    N("the Blinker", "name"),
    N("Periodic Deep Dimming in a Quiet K Dwarf", "title"),
    P("consistent with an opaque body or swarm of bodies", "Anneliese Brandvold", [],
      speaker_aliases=["the authors", "the paper", "Brandvold and her colleagues"]),
    P("no single model explains all of the observations.", "Anneliese Brandvold", [],
      speaker_aliases=["the authors", "the paper", "Brandvold and her colleagues"]),
    Q("When a star does something strange, the first ninety-nine explanations are boring. This might be number one hundred.",
      "Kwabena Nyamekye", ["colon", "title"]),
    Q("Boring is still the favourite.", "Kwabena Nyamekye", ["context"]),
    P("like a comb", "Rosalind Tey", ["title"]),
    Q("I went to Anneliese’s office and said, ‘Either I broke something or this star is broken,’", "Rosalind Tey",
      ["trailing", "pronoun", "nested"]),
    Q("I told her to rerun it three times. She did it five.", "Anneliese Brandvold", ["context"]),
    P("mid-blink", "Anneliese Brandvold", ["according"]),
    N("ALIENS??? (probably not)", "title"),
    P("the most honest headline I’ve seen all year.", "Kwabena Nyamekye", []),
    Q("It’s the most reliable thing in my life,", "Anneliese Brandvold", ["trailing"]),
])

story("dev2-corvane-takeover-talks", "Corvane shares slide as takeover talks with Skovgaard stall",
      "2026-11-18", "Dev Markets Wire", [
    'Shares in Corvane Logistics fell 9% on Wednesday after the freight group said takeover talks with Danish rival Skovgaard Shipping had stalled over price.',
    'Corvane chief executive Sabine Ostrowski told analysts on a call that the board would "not sell the company at a discount to anyone, however friendly".',
    'The message from Skovgaard\'s chairman, Pieter van Wyck, was just as clear: "We made a full offer. We will not chase."',
    'Skovgaard had offered 14.20 euros a share in cash, according to two people briefed on the talks, a 22% premium to Corvane\'s price before the approach became public in October.',
    'Ostrowski countered that the offer "ignores the value of our Baltic terminals", which she said would double in capacity by 2028.',
    'Analyst Reuben Salcedo at Fairmount Securities, who rates Corvane a "buy", said both sides were "posturing for the second round".',
    '"Nobody walks away from a 22% premium in this market. They\'ll be back at the table before Easter," Salcedo said in a note to clients.',
    'According to Ostrowski, speaking in an interview with the Nordic Business Daily, Corvane has received "expressions of interest" from at least two other parties. She declined to name them.',
    'Skovgaard\'s chief financial officer, Mette Harsvik, was asked about that claim on a separate call. She said Skovgaard did not comment on "other people\'s imaginary bidders."',
    'Corvane\'s largest shareholder, the pension fund Vastra Pensionskassa, said in a statement that it "supports the board\'s patient approach."',
    'One trader in Frankfurt was less diplomatic. "It\'s a staring contest and the shareholders are the ones blinking," he said.',
    'Corvane\'s shares closed at 11.06 euros. Skovgaard\'s were up 1.4%.',
], [
    P("not sell the company at a discount to anyone, however friendly", "Sabine Ostrowski", ["title"]),
    Q("We made a full offer. We will not chase.", "Pieter van Wyck", ["colon", "title"]),
    P("ignores the value of our Baltic terminals", "Sabine Ostrowski", []),
    N("buy", "term"),
    P("posturing for the second round", "Reuben Salcedo", ["title"]),
    Q("Nobody walks away from a 22% premium in this market. They'll be back at the table before Easter,", "Reuben Salcedo", ["trailing"]),
    P("expressions of interest", "Sabine Ostrowski", ["according"]),
    P("other people's imaginary bidders.", "Mette Harsvik", ["pronoun"]),
    P("supports the board's patient approach.", "Vastra Pensionskassa", []),
    Q("It's a staring contest and the shareholders are the ones blinking,", "one trader in Frankfurt", ["trailing", "pronoun"], kind="description"),
])

story("dev2-storm-ferren-live", "Storm Ferren live: thousands without power as the Tamsey peaks",
      "2026-11-27", "Dev Live Desk (UK)", [
    '5.10pm: The Rivers Authority has issued a severe flood warning for the lower Tamsey at Bridgwell, its highest level. In a post on X, the authority said: "Move to higher ground now if you live on Quay Street, Mill Lane or the Flats. Do not wait."',
    '4.48pm: Chief Fire Officer Anita Rossby says crews have rescued 31 people from cars and homes since midday. "People are still driving into floodwater. Please, please stop," she told Radio Tamsey.',
    '4.30pm: Our reporter Tom Fairlie is at the Bridgwell rest centre, where about 200 people have arrived. He spoke to Derek Amankwah, 68, who left his bungalow on the Flats with his wife and their dog. "The water came under the door like someone had left a tap on," he said.',
    '4.12pm: Gareth Pennock, the MP for Bridgwell and Tamsey Vale, has criticised the decision to delay the town\'s flood barrier. Pennock said the scheme had been "kicked into the long grass by people who don\'t live here".',
    '3.58pm: A government spokesperson has responded: "The barrier scheme has not been cancelled. It is under review alongside other projects."',
    '3.40pm: Pennock shot back on social media: "Under review is what they say when they mean never."',
    '3.21pm: Southern Grid says around 14,000 homes are without electricity. A spokesman for the company said engineers would work "through the night" but could not reach some substations until the water fell.',
    '3.05pm: Some readers have been in touch. Priya Saldanha in Lower Cotterell writes: "Our road is a river. The ducks look delighted."',
    '2.47pm: Anita Rossby has been asked about reports that a fire engine was swept off the road near Hensby. She confirmed the crew were safe. "They did exactly what they were trained to do, and they are all home."',
    '2.30pm: Westmere Trains has cancelled all services between Bridgwell and Hensby for the rest of the day. Its operations director, Callum Reddy, said the line was "under a metre of water in two places".',
    '2.10pm: The weather service, Meteora UK, has upgraded its warning. Forecaster Jess Ilori said the heaviest rain would fall "between now and about 8pm", adding: "After that it eases, but the rivers will keep rising for hours."',
    '2.00pm: Welcome to our live coverage of Storm Ferren, which Meteora UK has described as "the wettest system to hit the region this decade".',
], [
    Q("Move to higher ground now if you live on Quay Street, Mill Lane or the Flats. Do not wait.", "Rivers Authority", ["colon"]),
    Q("People are still driving into floodwater. Please, please stop,", "Anita Rossby", ["trailing", "pronoun"]),
    Q("The water came under the door like someone had left a tap on,", "Derek Amankwah", ["trailing", "pronoun"]),
    P("kicked into the long grass by people who don't live here", "Gareth Pennock", []),
    Q("The barrier scheme has not been cancelled. It is under review alongside other projects.", "a government spokesperson", ["colon"], kind="description"),
    Q("Under review is what they say when they mean never.", "Gareth Pennock", ["colon"]),
    P("through the night", "Southern Grid", [], speaker_aliases=["a spokesman for the company"]),
    Q("Our road is a river. The ducks look delighted.", "Priya Saldanha", ["colon"]),
    Q("They did exactly what they were trained to do, and they are all home.", "Anita Rossby", ["context"]),
    P("under a metre of water in two places", "Callum Reddy", ["title"]),
    P("between now and about 8pm", "Jess Ilori", ["title"]),
    Q("After that it eases, but the rivers will keep rising for hours.", "Jess Ilori", ["colon"]),
    P("the wettest system to hit the region this decade", "Meteora UK", []),
])

story("dev2-chef-lights-off", "The chef who cooks in silence",
      "2026-10-11", "Dev Weekend Magazine", [
    'At nine o’clock on a Thursday, the kitchen at Salt & Ember is so quiet you can hear the fish skin crackle. Odile Marchetti, 38, moves between the stoves without a word. Then she turns to a young cook and says, quietly, “Again.”',
    'Marchetti’s restaurant, in a converted tram depot in the city’s east end, has been full almost every night since it opened in 2022. Its tasting menu, which she calls “a conversation with the season”, changes every six weeks.',
    'She learned to cook at the elbow of Giselle Armand, the formidable chef who ran the now-closed Le Pont Gris for three decades. Armand, she says, “never once said well done. She said ‘less bad.’”',
    'Armand, now 74 and retired to the coast, remembers her former apprentice differently. “She was the only one who argued with me. I kept her because of it,” she said by phone.',
    'The two women have stayed close. When Salt & Ember won its first star, Marchetti drove four hours to tell her mentor in person. Armand’s verdict was characteristically brief: “About time.”',
    'The kitchen runs on a strict rule: no music, no shouting, no phones. Leon Ferrante, Marchetti’s business partner and the restaurant’s sommelier, says it took him a year to get used to it. “The first month I thought everyone hated me,” he says.',
    'The critic Harriet Pembury, who reviewed Salt & Ember for the Evening Ledger in its first month, called the meal “almost unbearably precise” and gave it four stars out of five.',
    'Marchetti has kept the review in a drawer ever since. “I read it when I get too pleased with myself,” she says.',
    'Not all of her staff last. A former line cook, who asked not to be named, described the kitchen as “a monastery with knives”. Marchetti does not argue with that. “Monasteries make very good cheese,” she says.',
    'Next spring she will open a second, cheaper place next door, to be called “Little Ember”, with Ferrante in charge of the wine. Asked whether two restaurants would be too many, Marchetti shrugged. “Ask me in a year. Ask Leon now and he’ll say yes.”',
    'Back in the kitchen, the young cook tries the sauce a third time. Marchetti tastes it, says nothing, and nods. By the standards of this kitchen, it is a standing ovation.',
], [
    Q("Again.", "Odile Marchetti", ["leading", "pronoun"]),
    P("a conversation with the season", "Odile Marchetti", ["pronoun"]),
    P("never once said well done. She said ‘less bad.’", "Odile Marchetti", ["pronoun", "nested"]),
    Q("She was the only one who argued with me. I kept her because of it,", "Giselle Armand", ["trailing", "pronoun"]),
    Q("About time.", "Giselle Armand", ["colon"]),
    Q("The first month I thought everyone hated me,", "Leon Ferrante", ["trailing", "pronoun"]),
    P("almost unbearably precise", "Harriet Pembury", ["title"]),
    Q("I read it when I get too pleased with myself,", "Odile Marchetti", ["trailing", "pronoun"]),
    P("a monastery with knives", "a former line cook", [], kind="description"),
    Q("Monasteries make very good cheese,", "Odile Marchetti", ["trailing", "pronoun"]),
    N("Little Ember", "name"),
    Q("Ask me in a year. Ask Leon now and he’ll say yes.", "Odile Marchetti", ["context"]),
])

story("dev2-pell-creek-start-times", "Pell Creek board ends later school start pilot",
      "2026-12-09", "Dev Community News (US)", [
    'The Pell Creek Unified School Board voted 4-3 Tuesday night to end a two-year pilot that pushed high school start times to 8:45 a.m., after Superintendent Naomi Sprague told members the program had cost the district "far more in bus contracts than anyone projected."',
    'Board President Gail Hendricks, who voted with the majority, said she had heard from parents who were "driving to work late three days a week" because of the schedule, and from coaches who said practices ended "in the dark from October on."',
    'Trustee Rafael Quintero, who voted no, shot back that the board was "trading teenagers\' sleep for bus money."',
    '"We have two years of data showing kids are sleeping more and showing up less tired. And we\'re throwing it out," Quintero said.',
    'Quintero cited a district survey of 1,100 students, most of whom said they felt more awake in first period. Hendricks countered that the survey\'s sample was "self-selected" and that the district\'s own attendance figures "tell a different story."',
    'Student board member Tanvi Deshmukh, a senior at Pell Creek High, does not have a vote but spoke for several minutes. She said students had been given "about a week\'s notice" of the vote and called the meeting\'s timing "convenient for everyone except us."',
    'Asked by a reporter after the meeting whether she would run for a voting seat one day, Deshmukh laughed. "Ask me when I\'m old enough to rent a car."',
    'Parent Kevin Marchand told the board he had moved his family to the district "partly because of this policy" and called the vote "a bait and switch." He also accused Sprague of "burying the good news in an appendix."',
    'Sprague said afterward that she had presented "all of the data, good and bad," and that she understood parents\' frustration. "Nobody on the board wanted to do this. The money just isn\'t there," she said.',
    'The pilot was launched in 2024 under the banner "Sleep In, Show Up" and was backed by the county\'s pediatricians\' society.',
    'The new schedule, with a 7:55 a.m. start, takes effect in August. Hendricks said the board would revisit the question "if the state ever funds buses like it promised."',
], [
    P("far more in bus contracts than anyone projected.", "Naomi Sprague", ["title"]),
    P("driving to work late three days a week", "Gail Hendricks", ["title"]),
    P("in the dark from October on.", "coaches", [], kind="description"),
    P("trading teenagers' sleep for bus money.", "Rafael Quintero", ["title"]),
    Q("We have two years of data showing kids are sleeping more and showing up less tired. And we're throwing it out,", "Rafael Quintero", ["trailing"]),
    P("self-selected", "Gail Hendricks", []),
    P("tell a different story.", "Gail Hendricks", []),
    P("about a week's notice", "Tanvi Deshmukh", ["title"]),
    P("convenient for everyone except us.", "Tanvi Deshmukh", ["pronoun"]),
    Q("Ask me when I'm old enough to rent a car.", "Tanvi Deshmukh", ["context"]),
    P("partly because of this policy", "Kevin Marchand", []),
    P("a bait and switch.", "Kevin Marchand", []),
    P("burying the good news in an appendix.", "Kevin Marchand", ["pronoun"]),
    P("all of the data, good and bad,", "Naomi Sprague", []),
    Q("Nobody on the board wanted to do this. The money just isn't there,", "Naomi Sprague", ["trailing", "pronoun"]),
    N("Sleep In, Show Up", "slogan"),
    P("if the state ever funds buses like it promised.", "Gail Hendricks", []),
])

story("dev2-corrisdale-scrappy-win", "Farrant hails ‘ugly’ win as Corrisdale climb out of the bottom three",
      "2026-11-29", "Dev Football Desk (UK)", [
    'Corrisdale Rovers manager Dougie Farrant admitted his side had been ‘nowhere near our best’ after a scrappy 1-0 win over Kingsmere lifted them out of the relegation zone.',
    'Striker Ebo Quansah scored the only goal in the 78th minute, bundling in from a yard out after Kingsmere goalkeeper Alfie Grennan dropped a corner. ‘I’ll take them off my knee, my shin, anywhere,’ Quansah said.',
    'Farrant quipped: ‘If they’re handing out points for style, we’re in trouble. They’re not.’',
    'Kingsmere boss Marco Tessaro was furious with referee Neil Cardew, who waved away two penalty appeals in the first half. Tessaro said the second, when Jonny Pryke was hauled down, was ‘the clearest penalty I have seen all season’ and that Cardew had ‘bottled it’.',
    'Asked whether he would complain to the referees’ body, he shot back: ‘What’s the point? They’ll send me a letter saying he was unsighted.’',
    'According to Farrant, speaking to the club’s own channel, RoversTV, Corrisdale will not sell Quansah in January ‘for any money’.',
    'That will be news to the club’s chairman, Lionel Pettigrew, who told the Corrisdale Echo last week that ‘every player has a price, including me’.',
    'Pettigrew was asked about the apparent split on Saturday night. ‘Dougie and I speak every day. We agree on far more than the papers would like,’ he said.',
    'Quansah, who has scored seven in 11 games since arriving from Belgian side KV Ostmeer in the summer, was coy about his future. ‘I’m happy here. That’s all I’ll say,’ the 23-year-old said, before adding with a grin: ‘My agent says more.’',
    'The Corrisdale Rovers Supporters’ Trust issued a statement after the match: ‘We urge the board to back the manager and keep the squad together. This is not the time to cash in.’',
    'Corrisdale, nicknamed ‘the Millers’, travel to Dunford on Tuesday.',
    'Tessaro was still talking about the penalty as he left the ground. ‘Clearest one all season,’ he muttered to nobody in particular.',
], [
    P("nowhere near our best", "Dougie Farrant", ["title", "single"]),
    Q("I’ll take them off my knee, my shin, anywhere,", "Ebo Quansah", ["trailing", "single"]),
    Q("If they’re handing out points for style, we’re in trouble. They’re not.", "Dougie Farrant", ["colon", "single"]),
    P("the clearest penalty I have seen all season", "Marco Tessaro", ["single"]),
    P("bottled it", "Marco Tessaro", ["single"]),
    Q("What’s the point? They’ll send me a letter saying he was unsighted.", "Marco Tessaro", ["colon", "pronoun", "single"]),
    P("for any money", "Dougie Farrant", ["according", "single"]),
    P("every player has a price, including me", "Lionel Pettigrew", ["single"]),
    Q("Dougie and I speak every day. We agree on far more than the papers would like,", "Lionel Pettigrew", ["trailing", "pronoun", "single"]),
    Q("I’m happy here. That’s all I’ll say,", "Ebo Quansah", ["trailing", "description-ref", "single"]),
    Q("My agent says more.", "Ebo Quansah", ["colon", "single"]),
    Q("We urge the board to back the manager and keep the squad together. This is not the time to cash in.",
      "Corrisdale Rovers Supporters’ Trust", ["colon", "single"]),
    N("the Millers", "name"),
    Q("Clearest one all season,", "Marco Tessaro", ["trailing", "pronoun", "single"]),
])

story("dev2-osgood-fraud-verdict", "Former church treasurer convicted of draining building fund",
      "2026-12-04", "Dev Courts Wire (US)", [
    'A jury on Thursday convicted Wesley Osgood, the former treasurer of the Grace Hill Church "Building Hope" fund, of stealing $412,000 from the congregation over six years, a scheme Assistant District Attorney Neil Brannock described in his closing argument as "patient, quiet and cruel."',
    'Osgood, 58, showed no reaction as the verdict was read. His lawyer, Victor Kessing, put an arm on his shoulder and later told reporters the defense would appeal. "This jury heard half a story," he said.',
    'Kessing said Brannock had "cherry-picked" the bank records and ignored months in which Osgood repaid the fund. Brannock, he said, "never once asked where the money went after it came back."',
    'Brannock was dismissive: "The money came back when he was afraid of being caught. That is not repayment. That is panic."',
    'The key witness was the church\'s bookkeeper, Janine Rusk, who testified for two days. Rusk told the jury she first noticed missing deposits in 2021 and raised them with Osgood, who told her the bank "makes mistakes all the time."',
    '"I believed him, because everybody believed him," she said.',
    'Judge Harriet Lumley thanked Rusk for her testimony before dismissing her on Tuesday, and warned the gallery against outbursts. "This is a courtroom, not a sanctuary, and I will clear it if I have to," she said.',
    'Osgood\'s wife, Paula Osgood, who sat behind him every day of the trial, left without speaking. Her sister, Doreen Catt, spoke for the family outside: "Paula didn\'t know. She found out the way everybody else did."',
    'Pastor Ellis Varnum said the congregation had raised the money "one bake sale at a time" and that some elderly members had given "more than they could afford." He said he held no hatred for Osgood. "I have to forgive him. I don\'t have to trust him."',
    'Asked whether his client would take the stand at sentencing, Kessing said only: "We\'ll see."',
    'Brannock said his office would seek a prison term of "at least eight years," citing what he called Osgood\'s "complete lack of remorse."',
    '"He\'ll have time to think about it," Kessing\'s co-counsel, Rita Ferraday, said when told of the figure. Then she turned back to Kessing. "Let\'s go."',
], [
    N("Building Hope", "name"),
    P("patient, quiet and cruel.", "Neil Brannock", ["title"]),
    Q("This jury heard half a story,", "Victor Kessing", ["trailing", "pronoun"]),
    P("cherry-picked", "Victor Kessing", []),
    P("never once asked where the money went after it came back.", "Victor Kessing", ["pronoun"]),
    Q("The money came back when he was afraid of being caught. That is not repayment. That is panic.", "Neil Brannock", ["colon"]),
    P("makes mistakes all the time.", "Wesley Osgood", ["same-surname"], disambiguate=True),
    Q("I believed him, because everybody believed him,", "Janine Rusk", ["trailing", "pronoun"]),
    Q("This is a courtroom, not a sanctuary, and I will clear it if I have to,", "Harriet Lumley", ["trailing", "pronoun"]),
    Q("Paula didn't know. She found out the way everybody else did.", "Doreen Catt", ["colon", "title"]),
    P("one bake sale at a time", "Ellis Varnum", ["title"]),
    P("more than they could afford.", "Ellis Varnum", []),
    Q("I have to forgive him. I don't have to trust him.", "Ellis Varnum", ["context"]),
    Q("We'll see.", "Victor Kessing", ["colon"]),
    P("at least eight years,", "Neil Brannock", []),
    P("complete lack of remorse.", "Neil Brannock", []),
    Q("He'll have time to think about it,", "Rita Ferraday", ["trailing", "title"]),
    Q("Let's go.", "Rita Ferraday", ["context"]),
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
