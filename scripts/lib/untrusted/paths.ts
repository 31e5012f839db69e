// The one way to turn text from data (a URL path, a release number, an operator id) into a file
// path or a decoded string: malformed percent-encoding is an answer, not an exception, and no
// path built from data leaves the folder it is meant for — not by "..", an absolute path, a
// backslash, a NUL byte, nor (for reading) a symbolic link.
import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';

/** decodeURIComponent, or undefined when the percent-encoding is malformed (such as "%E0%A4"). */
export function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Whether `relative` (forward slashes) is a relative path that cannot climb out of its folder. */
export const staysInside = (relative: string): boolean =>
  !relative.includes('\0') && !relative.includes('\\') && !isAbsolute(relative) && !relative.split('/').includes('..');

const isInside = (folder: string, path: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * The absolute path of `relative` (forward slashes) inside `folder`, or undefined when it is not
 * a plain relative path that stays inside.
 */
export function pathInside(folder: string, relative: string): string | undefined {
  if (!staysInside(relative)) return undefined;
  const base = resolve(folder);
  const path = resolve(base, relative);
  return isInside(base, path) ? path : undefined;
}

/**
 * Like pathInside, for reading an existing file: symbolic links are followed and the real path
 * must still be inside the real folder. Undefined when the file is missing or outside.
 */
export async function realPathInside(folder: string, relative: string): Promise<string | undefined> {
  const path = pathInside(folder, relative);
  if (!path) return undefined;
  const [realFolder, realFile] = await Promise.all([realpath(folder).catch(() => undefined), realpath(path).catch(() => undefined)]);
  return realFolder && realFile && isInside(realFolder, realFile) ? realFile : undefined;
}

/** Whether `name` can be used as one file or folder name: no separators, not "." or "..", no NUL. */
export const isPlainName = (name: string): boolean =>
  name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
