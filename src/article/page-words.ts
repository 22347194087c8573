/**
 * Word lists of publishers' pages, as data in one place: what marks a share bar, a "read more"
 * link, a caption or a paywall. Each names a general feature of news pages, not one site.
 */

/** Class / id words of page furniture that is never article text (matched as whole words of the name). */
export const FURNITURE_NAME_WORDS: readonly string[] = [
  'share',
  'sharing',
  'sharebar',
  'social',
  'related',
  'readmore',
  'read-more',
  'more-on',
  'recommended',
  'newsletter',
  'promo',
  'advert',
  'advertisement',
  'sponsored',
  'caption',
  'credit',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'tags',
  'subscribe',
  'signup',
  'paywall',
  'outbrain',
  'taboola',
];

/**
 * Elements never read as body text, whatever their content. Inside an article, `header` holds
 * the headline, standfirst, byline and date: metadata, not body paragraphs.
 */
export const FURNITURE_TAGS: readonly string[] = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'figure',
  'figcaption',
  'picture',
  'img',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'canvas',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'head',
  'header',
  'menu',
  'dialog',
];

/**
 * A short paragraph that opens with one of these is a pointer to other pages ("Read more: ..."),
 * a credit line or an advertisement label, not article text.
 */
export const POINTER_OPENINGS: RegExp =
  /^(?:read more|read also|also read|see also|more about\b[^.!?”"]*$|related(?: articles?| stories| coverage| content)?|more on this(?: story)?|more from|more:|recommended|you may also like|watch:|listen:|advertisement|sponsored|image (?:copyright|caption|source)|photo(?:graph)?(?: credit)?:|getty images|share (?:this|on)|follow us|sign up|subscribe)\b/i;

/** Phrases of a paywall stub: the page shows a teaser and asks the reader to pay or log in. */
export const PAYWALL_PHRASES: RegExp =
  /\b(?:subscribe (?:now )?to (?:continue|keep) reading|subscribe to read|to continue reading|continue reading (?:with|by)|for subscribers only|subscribers only|exclusive to subscribers|this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)|already a subscriber|(?:log|sign) in to (?:continue|read)|become a (?:member|subscriber) to read|unlock (?:this|the full) (?:article|story)|to read the full (?:article|story))\b/i;
