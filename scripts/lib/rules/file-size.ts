import { MAX_FILE_BYTES } from '../source.ts';
import { error, type BytesSubject, type Rule } from './rule.ts';

const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

export const fileSize: Rule<BytesSubject> = {
  id: 'file-size',
  description: `Data files are at most ${MAX_FILE_BYTES / 1024} KiB; larger files are refused unread.`,
  check({ size: fileBytes, bytes }) {
    if (bytes !== undefined) return [];
    return [
      error(
        { line: 1, column: 1 },
        `The file is ${size(fileBytes)}; OFM reads data files up to ${size(MAX_FILE_BYTES)}.`,
        'A submission is normally well under 100 KiB. Keep notes short and link the documentation for details.',
      ),
    ];
  },
};
