/**
 * Bumped whenever extraction output changes: it keys the knowledge cache, so a new version
 * re-extracts every article. Kept apart from extract.ts so reading the cache never loads the NLP
 * library.
 */
export const EXTRACTOR_VERSION = 'knowledge-13';
