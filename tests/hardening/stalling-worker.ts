import { isWorkerEntry, processFile, serveRequests } from '../../src/knowledge/extract-worker.ts';

/**
 * A stand-in extraction worker for the loader's budget test: a file whose name says "stall"
 * never finishes (the shape of a super-linear extractor on a hostile article); others extract
 * normally.
 */
if (isWorkerEntry(import.meta.url))
  serveRequests((file, bytes, maxBytes) => {
    if (file.includes('stall')) for (;;);
    return processFile(file, bytes, maxBytes);
  });
