/**
 * Hostile and odd user inputs shared by the robustness tests: every option of every command gets
 * each of them, through the core, the console and the fake Discord.
 */
export const NASTY_INPUTS: readonly { label: string; value: string }[] = [
  { label: 'empty', value: '' },
  { label: 'whitespace', value: ' \t  \u00a0 ' },
  { label: '6000 characters', value: 'withdrawal '.repeat(546).slice(0, 6000) },
  { label: 'control characters', value: 'hasty\u0001\u0007\u001b[31m withdrawal\u007f' },
  { label: 'NUL', value: 'hasty\u0000withdrawal' },
  { label: 'emoji', value: '🤖🔥 Lavrov 👩‍👩‍👧 🇷🇺' },
  { label: 'right-to-left', value: '\u202eLavrov\u202c مرحبا שלום' },
  { label: 'zero-width', value: 'La\u200bv\u200dro\u2060v\ufeff' },
  { label: 'fuse.js operators', value: "'hasty !withdrawal ^Lavrov $base | =Tajikistan" },
  { label: 'regex metacharacters', value: '.*+?()[]{}\\^$| (a+)+$ [^' },
  {
    label: 'markdown',
    value: '**bold** _it_ `code` ~~strike~~ ||spoiler|| # heading\n> quote [link](https://evil.example)',
  },
  { label: '@everyone', value: '@everyone hasty withdrawal' },
  { label: '@here', value: '@here Lavrov' },
  { label: 'user mention', value: '<@123456789012345678> Lavrov' },
  { label: 'role mention', value: '<@&123456789012345678> Lavrov' },
  { label: 'url', value: 'https://evil.example/phish?q=Lavrov' },
  { label: 'unknown article id', value: 'no-such-article-2099' },
  { label: 'path', value: '../../etc/passwd' },
  { label: 'lone surrogate', value: 'Lavrov \ud800 said' },
];

/** Text that must never reach Discord unescaped: it would mention or ping someone. */
export const MENTION_PATTERNS: readonly RegExp[] = [/@everyone/, /@here/, /<@!?\d{17,20}>/, /<@&\d{17,20}>/];
