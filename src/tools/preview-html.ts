/**
 * Discord's dark theme in static HTML, for `npm run preview`: a message with its content,
 * embeds (colour bar, author, title, description, fields, footer) and buttons, with the subset of
 * Discord Markdown the bot writes (bold, italics, strike, code, links, block quotes, headings,
 * subtext, command mentions, backslash escapes).
 */

export interface ShotEmbed {
  color?: number;
  author?: { name: string };
  title?: string;
  url?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

export interface Shot {
  label: string;
  command: string;
  user: string;
  data: {
    content?: string;
    embeds?: ShotEmbed[];
    components?: { components: { label?: string; style?: number; disabled?: boolean }[] }[];
    flags?: number;
  };
}

const html = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline Markdown of one line (already HTML-escaped input is produced here). */
function inline(text: string): string {
  const escapes: string[] = [];
  // Backslash escapes first: the escaped character is shown as is.
  let s = text.replace(/\\([\\*_~`|[\]#>\-.])/g, (_m, c: string) => `\uE000${escapes.push(c) - 1}\uE000`);
  s = html(s.replace(/\u200b/g, ''));
  s = s.replace(/&lt;\/([\w-]+):\d+&gt;/g, '<span class="mention">/$1</span>');
  s = s.replace(/`([^`]+)`/g, '<code>$1</code>');
  s = s.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
  s = s.replace(/\*\*(.+?)\*\*/g, '<b>$1</b>');
  s = s.replace(/~~(.+?)~~/g, '<s>$1</s>');
  s = s.replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1<i>$2</i>');
  return s.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => html(escapes[Number(i)] ?? ''));
}

/** Discord Markdown (multi-line) as HTML. */
export function markdown(text: string): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = (): void => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('> ')) {
      quote.push(inline(line.slice(2)));
      continue;
    }
    flush();
    if (line.startsWith('### ')) out.push(`<div class="h3">${inline(line.slice(4))}</div>`);
    else if (line.startsWith('-# ')) out.push(`<div class="sub">${inline(line.slice(3))}</div>`);
    else if (line.trim() === '') out.push('<div class="gap"></div>');
    else out.push(`<div>${inline(line)}</div>`);
  }
  flush();
  return out.join('');
}

const hex = (n: number | undefined): string => `#${(n ?? 0x1e1f22).toString(16).padStart(6, '0')}`;

function embedHtml(e: ShotEmbed): string {
  const parts: string[] = [];
  if (e.author) parts.push(`<div class="author">${inline(e.author.name)}</div>`);
  if (e.title)
    parts.push(
      `<div class="title">${e.url ? `<a href="${html(e.url)}">${inline(e.title)}</a>` : inline(e.title)}</div>`,
    );
  if (e.description) parts.push(`<div class="desc">${markdown(e.description)}</div>`);
  if (e.fields && e.fields.length > 0) {
    const fields = e.fields
      .map(
        (f) =>
          `<div class="field${f.inline === true ? ' inline' : ''}"><div class="fname">${inline(f.name)}</div><div>${markdown(f.value)}</div></div>`,
      )
      .join('');
    parts.push(`<div class="fields">${fields}</div>`);
  }
  if (e.footer) parts.push(`<div class="footer">${inline(e.footer.text)}</div>`);
  return `<div class="embed" style="border-left-color:${hex(e.color)}">${parts.join('')}</div>`;
}

const BUTTON_STYLE: Record<number, string> = {
  1: 'primary',
  2: 'secondary',
  3: 'success',
  4: 'danger',
  5: 'secondary',
};

function messageHtml(shot: Shot): string {
  const d = shot.data;
  const ephemeral = ((d.flags ?? 0) & 64) === 64;
  const rows = (d.components ?? [])
    .map(
      (row) =>
        `<div class="row">${row.components
          .map(
            (c) =>
              `<span class="btn ${BUTTON_STYLE[c.style ?? 2] ?? 'secondary'}${c.disabled === true ? ' disabled' : ''}">${html(c.label ?? '')}</span>`,
          )
          .join('')}</div>`,
    )
    .join('');
  return `<section>
<div class="label">${html(shot.label)}</div>
<div class="msg">
  <div class="avatar">N</div>
  <div class="body">
    <div class="used">${shot.command ? `<b>${html(shot.user)}</b> used <span class="mention">${/^[\w-]+$/.test(shot.command) ? '/' : ''}${html(shot.command)}</span>` : ''}</div>
    <div class="name">Newsroom Bot <span class="tag">APP</span></div>
    ${d.content ? `<div class="content">${markdown(d.content)}</div>` : ''}
    ${(d.embeds ?? []).map(embedHtml).join('')}
    ${rows}
    ${ephemeral ? '<div class="eph">👁 Only you can see this • Dismiss message</div>' : ''}
  </div>
</div>
</section>`;
}

const CSS = `
body{margin:0;background:#313338;color:#dbdee1;font:16px/1.375 "gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,sans-serif}
main{padding:8px 0}
section{padding:4px 0 14px;border-bottom:1px solid #3f4147}
.label{font:12px monospace;color:#949ba4;padding:6px 16px}
.msg{display:flex;padding:2px 16px 2px 16px}
.avatar{flex:0 0 40px;height:40px;border-radius:50%;background:#5865f2;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;margin-right:14px;margin-top:18px}
.body{min-width:0;flex:1}
.used{font-size:13px;color:#b5bac1}
.name{color:#f2f3f5;font-weight:600}
.tag{background:#5865f2;color:#fff;font-size:10px;padding:1px 4px;border-radius:3px;vertical-align:middle}
.content{margin:2px 0}
.embed{background:#2b2d31;border-left:4px solid;border-radius:4px;padding:8px 16px 12px 12px;margin-top:4px;max-width:520px;box-sizing:border-box;font-size:14px}
.author{font-size:14px;font-weight:600;color:#f2f3f5;margin-top:8px}
.title{font-weight:600;color:#f2f3f5;margin-top:8px;font-size:16px}
.title a{color:#00a8fc}
.desc{margin-top:8px;white-space:normal;word-wrap:break-word}
.desc .gap{height:6px}
.fields{display:flex;flex-wrap:wrap;gap:8px 16px;margin-top:8px}
.field{flex:1 1 100%}
.field.inline{flex:1 1 30%;min-width:120px}
.fname{font-weight:600;color:#f2f3f5}
.footer{font-size:12px;color:#b5bac1;margin-top:8px}
blockquote{margin:2px 0;padding:0 0 0 12px;border-left:4px solid #4e5058}
.h3{font-size:18px;font-weight:700;color:#f2f3f5;margin:4px 0}
.sub{font-size:12px;color:#949ba4}
a{color:#00a8fc;text-decoration:none}
code{background:#1e1f22;border-radius:3px;padding:0 3px;font-size:85%}
.mention{background:rgba(88,101,242,.3);color:#c9cdfb;border-radius:3px;padding:0 2px;font-weight:500}
.row{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.btn{font-size:14px;font-weight:500;padding:2px 16px;height:32px;line-height:28px;border-radius:3px;color:#fff;box-sizing:border-box}
.btn.secondary{background:#4e5058}.btn.primary{background:#5865f2}.btn.success{background:#248046}.btn.danger{background:#da373c}
.btn.disabled{opacity:.5}
.eph{font-size:12px;color:#949ba4;margin-top:4px}
`;

/** A page of replies at `width` pixels (900 desktop, 390 phone). */
export function galleryHtml(shots: readonly Shot[], width: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=${width}">
<title>Newsroom Bot preview</title><style>${CSS} main{width:${width}px}</style></head>
<body><main>${shots.map(messageHtml).join('\n')}</main></body></html>`;
}
