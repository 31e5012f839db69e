import { hasUtf8Bom } from '../source.ts';
import { error, type BytesSubject, type Rule } from './rule.ts';

const SAVE_AS_UTF8 = 'Save the file as UTF-8 (a UTF-8 byte-order mark is accepted).';

/** 1-based line and column of a byte offset, counting columns in bytes. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Slow path, only for a bad file: feed the bytes one at a time until the decoder rejects one.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let sequenceStart = 0;
    for (let i = 0; i < bytes.length; i++) {
      if ((bytes[i]! & 0xc0) !== 0x80) sequenceStart = i;
      try {
        decoder.decode(bytes.subarray(i, i + 1), { stream: true });
      } catch {
        return sequenceStart;
      }
    }
    return sequenceStart; // a truncated sequence at the very end
  }
}

export const encoding: Rule<BytesSubject> = {
  id: 'encoding',
  description: 'Data files are UTF-8 text: no UTF-16/UTF-32, no NUL bytes, no invalid byte sequences.',
  check({ bytes }) {
    if (!bytes) return [];
    const [b0, b1] = [bytes[0], bytes[1]];
    if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
      return [error({ line: 1, column: 1 }, 'The file is encoded as UTF-16 (or UTF-32).', SAVE_AS_UTF8)];
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      return [
        error(
          bytePosition(bytes, nul),
          'The file contains a NUL byte; it looks binary or UTF-16 without a byte-order mark.',
          SAVE_AS_UTF8,
        ),
      ];
    }
    const start = hasUtf8Bom(bytes) ? 3 : 0;
    const invalid = firstInvalidUtf8(bytes.subarray(start));
    if (invalid >= 0) {
      const at = bytePosition(bytes, invalid + start);
      return [
        error(
          at,
          `Byte 0x${bytes[invalid + start]!.toString(16).padStart(2, '0')} is not valid UTF-8; the file may be in Latin-1 or Windows-1252.`,
          SAVE_AS_UTF8,
        ),
      ];
    }
    return [];
  },
};
