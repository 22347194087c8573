import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/**
 * What the console guards at its edges: article text may carry terminal escape sequences (a
 * crafted article could retitle the window, hide lines or fake output), and stdin may carry one
 * endless line (readline would hold all of it).
 */

/** Longest input line read; the rest of a longer line is dropped before it is buffered. */
export const MAX_LINE = 64 * 1024;

// CSI / OSC / other ESC sequences first, then any single C0 (but tab and newline), DEL or C1.
// Matching control characters is the point of this pattern.
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes terminal control characters and escape sequences, keeping tabs and newlines. */
export function stripControls(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * A byte stream whose lines are at most {@link MAX_LINE} bytes: longer lines keep their first
 * bytes and lose the rest, so memory stays bounded whatever arrives.
 */
export function capLines(max = MAX_LINE): Transform {
  let inLine = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      const out: Buffer[] = [];
      let at = 0;
      while (at < chunk.length) {
        const newline = chunk.indexOf(10, at);
        const end = newline < 0 ? chunk.length : newline;
        const room = Math.max(0, max - inLine);
        const take = Math.min(room, end - at);
        if (take > 0) out.push(chunk.subarray(at, at + take));
        inLine += end - at;
        if (newline < 0) break;
        out.push(chunk.subarray(newline, newline + 1));
        inLine = 0;
        at = newline + 1;
      }
      done(null, Buffer.concat(out));
    },
  });
}
