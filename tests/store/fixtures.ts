/** Small pages in the test's own words, served from 127.0.0.1. */

export const FERRY_MD = `# Island ferry service halted after storm damage

The island ferry will not sail again until its ramp is rebuilt, the harbour board said on Monday, leaving about 900 residents with only a weekly supply boat.

“We will not put passengers on a ramp that moves under their feet,” said Ingrid Solberg, the board's chief engineer. She said the rebuild would take at least six weeks.

Shop owners on the island said deliveries had already slowed. “Fresh milk lasts two days here now,” said Pablo Ferreira, who runs the only grocery.

The board will publish a timetable for the temporary supply boat on Thursday, according to a notice posted at the quay.
`;

export function orchardHtml(canonical: string): string {
  return `<!doctype html><html><head><title>Orchard growers count frost losses | Valley Courier</title>
<meta property="og:title" content="Orchard growers count frost losses">
<meta property="og:site_name" content="Valley Courier">
<link rel="canonical" href="${canonical}">
<script>window.tracking = "<p>not text</p>";</script></head>
<body><nav><ul><li>Home</li><li>Sport</li></ul></nav>
<article><h1>Orchard growers count frost losses</h1>
<p>A late frost destroyed nearly half of the apple blossom in the valley last week, the growers' cooperative said, and some farms lost every tree in their lower fields.
<p>“In thirty years I have never seen the blossom turn brown overnight,” said Henrik Lund, who farms 40 hectares near the river. He said he would apply for the regional relief fund.</p>
<figure><img src="x.jpg"><figcaption>Frost on blossom, photo by a reader</figcaption></figure>
<p>The cooperative estimated the damage at 2.3 million euros. Its chair, Ana Silva, said the figure would rise once the pear orchards were counted.</p>
<p>Regional officials said applications for relief would open on 1 May.</p>
</article><footer><p>Subscribe to our newsletter for more stories like this one.</p></footer></body></html>`;
}

export const STUB_HTML = `<html><head><title>Subscribe</title></head><body><p>Subscribe to read this story.</p></body></html>`;

export function rss(items: { title: string; link: string }[]): string {
  const entries = items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid></item>`)
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title><link>https://courier.example/</link>${entries}</channel></rss>`;
}

/** A plain-text article about a numbered topic (feeds and benches need many distinct ones). */
export function numberedArticle(n: number): string {
  return `# Council report number ${n} on the river path

The council published report ${n} on the river path on Tuesday, saying that ${100 + n} benches and ${20 + (n % 30)} lamps would be replaced before the summer season.

“The path is used by ${1000 + n * 3} walkers a day and it deserves better light,” said councillor Mara Voss, who chairs the parks committee.

Residents asked for a cycle lane as well. The committee said it would study the request and answer within ${2 + (n % 5)} months.
`;
}
