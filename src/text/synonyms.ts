import { stem } from './match.ts';

/**
 * A small thesaurus of words news questions use for what articles say differently ("strengthen"
 * the border vs "bolster" it). Groups are plain words; lookups go through the same stemmer as the
 * index. Kept deliberately general (news vocabulary, not any one article's wording).
 */
const GROUPS: readonly string[] = [
  'strengthen bolster reinforce boost shore fortify',
  'help assist aid support',
  'ask request appeal seek',
  'flee fled escape retreat',
  'fight fighting battle combat clash violence war',
  'soldier troop serviceman',
  'army military armed force',
  'leave withdraw withdrawal exit pullout pull',
  'quick hasty rapid fast hurried',
  'worsen deteriorate decline',
  'country nation state',
  'border frontier',
  'attack assault strike raid',
  'kill killed dead death die',
  'injure injured wound wounded hurt',
  'president leader head',
  'minister secretary',
  'spokesman spokeswoman spokesperson',
  'say state declare announce',
  'plan intend prepare',
  'ready prepared',
  'activate mobilize mobilise deploy',
  'money fund funding cash dollar pound euro million billion budget grant award',
  'cost price expense',
  'increase rise rose risen grow grew growth climb jump',
  'decrease fall fell fallen drop cut decline reduce shrink shrank',
  'law legislation bill',
  'gun firearm weapon',
  'frustration frustrated annoyance',
  'whale cetacean',
  'beach shore coast',
  'museum gallery',
  'gunman attacker shooter',
  'tourist visitor',
  'debt borrowing',
  'interest rate',
  'relation relationship tie',
  'election vote poll',
  'begin start launch',
  'last continue persist endure',
  'end finish conclude stop',
  'big large huge major',
  'small little minor',
  'because reason why cause',
  'alliance bloc pact treaty',
  'reservist reserve',
  'factory plant works mill',
  'company firm business',
  'shop store outlet',
  'boss chief executive',
  'house home dwelling',
  'car vehicle motorist',
  'worker employee staff',
  'boat ship vessel',
  'buy purchase',
  'damage harm',
  'repair fix mend',
  'ruling judgment verdict',
  'arrest detain',
];

const MAP: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of GROUPS) {
    const stems = group.split(' ').map((w) => stem(w));
    for (const s of stems) {
      const set = map.get(s) ?? new Set<string>();
      for (const other of stems) if (other !== s) set.add(other);
      map.set(s, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
})();

/** Stems that mean roughly the same as `termStem` (excluding itself). */
export function synonymsOf(termStem: string): readonly string[] {
  return MAP.get(termStem) ?? [];
}
