// Reading a data file safely: size first (never read a huge file), then bytes, then text, then
// the YAML tree, then data. Each step can stop; the rules of each stage say why, with a position.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';

/**
 * Larger files are refused unread. A complete submission with every feature commented is under
 * 50 KiB; the limit leaves five times that, and keeps the worst case fast.
 */
export const MAX_FILE_BYTES = 256 * 1024;

export interface FileBytes {
  readonly size: number;
  /** Absent when the file is larger than MAX_FILE_BYTES. */
  readonly bytes: Uint8Array | undefined;
}

export async function readFileBytes(absolutePath: string): Promise<FileBytes> {
  // Synchronous calls: four system calls on a small local file cost less than four round trips
  // through the thread pool, and validation is bound by the processor, not the disk.
  // Non-blocking, so that a named pipe given as a path is refused instead of waiting for a writer.
  const fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error(`${absolutePath} is not a regular file`), { code: 'ENOTFILE' });
    const { size } = stats;
    if (size > MAX_FILE_BYTES) return { size, bytes: undefined };
    // Read at most one byte over the limit, in case the file grew since fstat().
    const buffer = new Uint8Array(Math.min(size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) return { size: length, bytes: undefined };
    }
    return { size: length, bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

/** Text of bytes already accepted by the encoding rule; a UTF-8 byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

export interface ParsedYaml {
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/**
 * Parses without resolving anything dangerous: duplicate keys are left for the duplicate-key
 * rule, and nothing is converted to data yet (aliases are checked first).
 */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  return { text, document, lineCounter };
}

/**
 * Converts a checked document to plain data. The alias-limit rule has already bounded alias
 * expansion; the limit here is a second guard.
 */
export function toData(document: Document.Parsed): unknown {
  return document.toJS({ maxAliasCount: 10_000 });
}

/** 1-based line and column of a text offset. */
export function positionOf(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
