// A seeded generator of hostile variants of a valid submission: what a careless editor, a broken
// tool or an attacker could send in a pull request. The same seed gives the same files, so a
// failure can be replayed.

/** mulberry32: a small, fast, seedable pseudo-random generator. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (rnd: Random, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Random, items: readonly T[]): T => items[int(rnd, items.length)]!;

/** A mutation works on bytes, since some of them make the file invalid UTF-8. */
type Mutation = (bytes: Buffer, rnd: Random) => Buffer;

const text = (bytes: Buffer) => bytes.toString('utf8');
const lines = (bytes: Buffer) => text(bytes).split('\n');
const fromLines = (list: string[]) => Buffer.from(list.join('\n'));
const atLine = (bytes: Buffer, rnd: Random, change: (line: string) => string) => {
  const list = lines(bytes);
  const i = int(rnd, list.length);
  list[i] = change(list[i]!);
  return fromLines(list);
};
const insertText = (bytes: Buffer, rnd: Random, insert: string) => {
  const t = text(bytes);
  const at = int(rnd, t.length + 1);
  return Buffer.from(t.slice(0, at) + insert + t.slice(at));
};
/** Puts `prefix` before the value of a random `key: value` line. */
const beforeValue = (bytes: Buffer, rnd: Random, prefix: string) =>
  atLine(bytes, rnd, (line) => (line.includes(': ') ? line.replace(': ', `: ${prefix}`) : `${line} ${prefix}`));

/** Replaces the value of a random `key: value` line. */
const replaceValue = (bytes: Buffer, rnd: Random, value: string) => atLine(bytes, rnd, (line) => (line.includes(': ') ? `${line.slice(0, line.indexOf(': '))}: ${value}` : line));

const CONTROL = ['\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202e', '\u2066', '\ufeff', '\r'];

export const MUTATIONS: Record<string, Mutation> = {
  'byte flips': (bytes, rnd) => {
    const out = Buffer.from(bytes);
    for (let k = 1 + int(rnd, 8); k > 0; k--) out[int(rnd, out.length)]! ^= 1 << int(rnd, 8);
    return out;
  },
  'random bytes': (bytes, rnd) => {
    const out = Buffer.from(bytes);
    for (let k = 1 + int(rnd, 8); k > 0; k--) out[int(rnd, out.length)] = int(rnd, 256);
    return out;
  },
  truncation: (bytes, rnd) => bytes.subarray(0, int(rnd, bytes.length)),
  indentation: (bytes, rnd) => atLine(bytes, rnd, (line) => pick(rnd, [' ', '   ', '\t', '', ' \t'])  + line.replace(/^ {0,4}/, pick(rnd, ['', ' ', '  ', '      ']))),
  'line shuffle': (bytes, rnd) => {
    const list = lines(bytes);
    const [i, j] = [int(rnd, list.length), int(rnd, list.length)];
    [list[i], list[j]] = [list[j]!, list[i]!];
    return fromLines(list);
  },
  'line copies': (bytes, rnd) => {
    const list = lines(bytes);
    const i = int(rnd, list.length);
    list.splice(i, 0, ...Array(1 + int(rnd, 5)).fill(list[i]));
    return fromLines(list);
  },
  tags: (bytes, rnd) => beforeValue(bytes, rnd, pick(rnd, ['!foo ', '!!binary ', '!!js/function ', '!<tag:x,2000:y> ', '!!set ', '!!omap ', '!!timestamp ', '! '])),
  'tag after a long comment': (bytes, rnd) =>
    replaceValue(Buffer.from(`# ${pick(rnd, ['!&', '!', '& ', '!&!'].map((run) => run.repeat(pick(rnd, [100, 3000, 30_000]))))}\n${text(bytes)}`), rnd, pick(rnd, ['!x {}', '&a !x {}', '!x'])),
  anchors: (bytes, rnd) => beforeValue(bytes, rnd, pick(rnd, ['&a ', '&a &b ', '*a ', '&a *a ', '&x [*x] '])),
  'unknown anchors': (bytes, rnd) => replaceValue(bytes, rnd, pick(rnd, ['*nope', '[*nope]', '{ a: *nope }', '*a', '&a [*a]'])),
  aliases: (bytes, rnd) =>
    insertText(bytes, rnd, pick(rnd, ['\n  x: *undefined\n', '\nlol: &l [a, a, a, a, a]\nlol2: &m [*l, *l, *l, *l, *l]\nlol3: [*m, *m, *m, *m, *m]\n', '\nself: &s { me: *s }\n', 'value: *'])),
  'merge keys': (bytes, rnd) =>
    pick(rnd, [
      () => Buffer.from(`%YAML 1.1\n---\n${text(bytes)}`),
      () => insertText(bytes, rnd, '\n  <<: *a\n'),
      () => Buffer.from(text(bytes).replace(/^features:\n/m, 'base: &a {x: 1}\nfeatures:\n  <<: *a\n')),
    ])(),
  directives: (bytes, rnd) => Buffer.from(`${pick(rnd, ['%YAML 1.2', '%YAML 1.3', '%TAG !e! tag:e.com,2000:', '%FOO bar', '%YAML 1.1\n%YAML 1.2'])}\n---\n${text(bytes)}${pick(rnd, ['', '---\nmore: 1\n', '...\n', '---\n'])}`),
  encodings: (bytes, rnd) =>
    pick(rnd, [
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(bytes), 'utf16le')]),
      () => Buffer.from(text(bytes), 'utf16le'),
      () => Buffer.from(text(bytes), 'latin1'),
      () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
      () => Buffer.concat([bytes.subarray(0, 40), Buffer.from([0xc0, 0xaf, 0xe0, 0xa4, 0xed, 0xa0, 0x80, 0xf4, 0x90]), bytes.subarray(40)]),
      () => Buffer.concat([bytes, Buffer.from([0xe2, 0x82])]),
    ])(),
  'control characters': (bytes, rnd) => {
    let out = bytes;
    for (let k = 1 + int(rnd, 4); k > 0; k--) out = insertText(out, rnd, pick(rnd, CONTROL));
    return out;
  },
  'escaped controls': (bytes, rnd) => beforeValue(bytes, rnd, pick(rnd, ['"\\e[31m" #', '"\\x1b\\x9b" #', '"\\u202e" #', '"\\0" #', '"\\L\\P" #'])),
  'line breaks': (bytes, rnd) => Buffer.from(text(bytes).replace(/\n/g, pick(rnd, ['\r', '\r\n', '\n\r', '\u2028', '\u0085']))),
  'deep nesting': (bytes, rnd) => {
    const n = pick(rnd, [70, 500, 5000, 50_000]);
    return insertText(
      bytes,
      rnd,
      pick(rnd, [`[`.repeat(n), `{a: `.repeat(n), `${'['.repeat(n)}${']'.repeat(n)}`, `\nx: ${'- '.repeat(n)}y\n`, `\n  notes: "${'> '.repeat(n)}"\n`, `\n${Array.from({ length: Math.min(n, 400) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`]),
    );
  },
  'huge scalars': (bytes, rnd) => {
    const size = pick(rnd, [5_000, 60_000, 200_000]);
    return pick(rnd, [
      () => beforeValue(bytes, rnd, `${'x'.repeat(size)} #`),
      () => insertText(bytes, rnd, `\n"${'k'.repeat(size)}": 1\n`),
      () => insertText(bytes, rnd, `\n# ${'#'.repeat(size)}\n`),
      () => insertText(bytes, rnd, `\nnotes: |\n${'  line\n'.repeat(size / 7)}`),
      () => insertText(bytes, rnd, `\nwide: ${' '.repeat(size)}x\n`),
    ])();
  },
  'many claims': (bytes, rnd) => {
    const n = pick(rnd, [600, 5_000, 15_000]);
    return Buffer.from(text(bytes).replace(/^features:\n/m, `features:\n${Array.from({ length: n }, (_, i) => `  f${i}: ${pick(rnd, ['{}', '{ support: maybe }', '[1]', 'x'])}`).join('\n')}\n`));
  },
  'dangerous keys': (bytes, rnd) => insertText(bytes, rnd, pick(rnd, ['\n  __proto__: { polluted: true }\n', '\n  constructor: 1\n', '\n  ? [a, b]\n  : 1\n', '\n  tlssp: {}\n  tlssp: {}\n', '\n  "": 1\n'])),
  numbers: (bytes, rnd) => beforeValue(bytes, rnd, `${pick(rnd, ['12345678901234567890', '.inf', '-.nan', '1e400', '0x7FFFFFFFFFFFFFFF', '-0', '0o777'])} #`),
  // Well-formed YAML of the wrong shape, for rules that read data the schema has refused.
  'wrong shapes': (bytes, rnd) =>
    pick(rnd, [
      () => Buffer.from(text(bytes).replace(/^( +)- title: .*\n +url: .*$/m, pick(rnd, ['$1-', '$1- null', '$1- []', '$1- 7', '$1- "x"', '$1- { url: 1 }']))),
      () => Buffer.from(text(bytes).replace(/^( +)evidence:$/m, `$1evidence: ${pick(rnd, ['[null, 1, x, [], {}]', '{}', 'null', '"x"'])}\n$1ignored:`)),
      () => Buffer.from(text(bytes).replace(/^( +)(value|support|notes): .*$/m, `$1$2: ${pick(rnd, ['null', '[]', '{}', '[null]', '{ a: [] }'])}`)),
      () => Buffer.from(text(bytes).replace(/^( +)([a-z0-9]{5}):$/m, `$1$2: ${pick(rnd, ['null', '[]', '"x"', '7'])}\n$1$2-was:`)),
      () => Buffer.from(text(bytes).replace(/^(features|operator|version|catalogue):.*$/m, `$1: ${pick(rnd, ['null', '[]', '7', '[{}]'])}`)),
    ])(),
  'hostile URLs': (bytes, rnd) =>
    Buffer.from(text(bytes).replace(/url: \S+/, `url: "${pick(rnd, ['https://localhost./x', 'https://[::7f00:1]/', 'https://a.b/%E0%A4', 'javascript:alert(1)', 'https://0x7f000001/', 'https://user:pw@a.example/', 'https://a.example/\u202e'])}"`)),
};

export interface Mutant {
  readonly bytes: Buffer;
  /** The mutations applied, in order. */
  readonly applied: string[];
}

/** One to three mutations of `valid`, chosen by `rnd`. */
export function mutate(valid: Buffer, rnd: Random): Mutant {
  const names = Object.keys(MUTATIONS);
  let bytes = valid;
  const applied: string[] = [];
  for (let k = 1 + int(rnd, 3); k > 0; k--) {
    const name = pick(rnd, names);
    bytes = MUTATIONS[name]!(bytes, rnd);
    applied.push(name);
  }
  return { bytes, applied };
}
