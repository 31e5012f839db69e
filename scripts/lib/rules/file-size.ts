import { MAX_FILE_BYTES } from '../source.ts';
import { error, type BytesSubject, type Rule } from './rule.ts';

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export const fileSize: Rule<BytesSubject> = {
  id: 'file-size',
  description: `Data files are at most ${MAX_FILE_BYTES / 1024 / 1024} MiB; larger files are refused unread.`,
  check({ size, bytes }) {
    if (bytes !== undefined) return [];
    return [
      error(
        { line: 1, column: 1 },
        `The file is ${mib(size)}; OFM reads data files up to ${mib(MAX_FILE_BYTES)}.`,
        'A submission is normally well under 100 KiB. Keep notes short and link the documentation for details.',
      ),
    ];
  },
};
