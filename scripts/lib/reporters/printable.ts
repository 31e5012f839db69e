// Text from data reaches the terminal in messages and code frames. Control characters in it are
// shown as visible symbols, one for one (so columns stay aligned under a code frame's caret):
// an ESC from a submission never recolours or clears the reader's terminal.

// Tab, LF and the CR of a CRLF pair stay; a lone CR is shown, since OFM counts lines by LF.
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/gu;

const symbolFor = (char: string): string => {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀…␟ (Unicode control pictures)
  if (code === 0x7f) return '\u2421'; // ␡
  return '\ufffd';
};

/** `text` with every control, separator and bidirectional-override character made visible. */
export const printable = (text: string): string => text.replace(HIDDEN, symbolFor);

/** `text` cut to at most `max` characters (code points), with "…" when cut. */
export const clipText = (text: string, max: number): string => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
};
