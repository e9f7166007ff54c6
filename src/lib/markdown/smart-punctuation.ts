/**
 * SmartyPants typography on plain strings: curly quotes, em dashes, ellipses and backtick
 * quotes, following the rules of retext-smartypants (which Astro's default `smartypants`
 * option runs) without building a natural-language syntax tree for every text node: that
 * tree cost ~25 ms an article, a quarter of compiling one. The rules work on tokens as
 * parse-latin makes them: a run of letters and digits, a run of white space, or a run of one
 * repeated punctuation character.
 */

type Kind = 'word' | 'space' | 'punct';

interface Token {
  kind: Kind;
  value: string;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const SPACE = /\s/;

function kindOf(char: string): Kind {
  if (WORD.test(char)) return 'word';
  return SPACE.test(char) ? 'space' : 'punct';
}

/** Splits text into word runs, white-space runs and runs of one repeated punctuation mark. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const char of text) {
    const kind = kindOf(char);
    const last = tokens.at(-1);
    if (last && last.kind === kind && (kind !== 'punct' || last.value.endsWith(char))) last.value += char;
    else tokens.push({ kind, value: char });
  }
  return tokens;
}

const OPEN = { '"': '“', "'": '‘' } as const;
const CLOSE = { '"': '”', "'": '’' } as const;

/** The character (code point) at `index`, as a string. */
function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index) ?? 0);
}

/** The token starting at `start`: a word or white-space run, or a run of one punctuation mark. */
function tokenAt(text: string, start: number): Token | undefined {
  if (start >= text.length) return undefined;
  const first = charAt(text, start);
  const kind = kindOf(first);
  let end = start + first.length;
  while (end < text.length) {
    const char = charAt(text, end);
    if (kind === 'punct' ? char !== first : kindOf(char) !== kind) break;
    end += char.length;
  }
  return { kind, value: text.slice(start, end) };
}

/** The character (code point) ending just before `index`, or undefined at the start. */
function charBefore(text: string, index: number): string | undefined {
  if (index === 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const astral = low >= 0xdc00 && low <= 0xdfff && index >= 2;
  return charAt(text, index - (astral ? 2 : 1));
}

/**
 * Turns straight quotes into curly ones. The text keeps its length (one character for one),
 * so a caller may educate a whole paragraph at once and cut the result back into its pieces.
 * A quote with no token before it counts as following white space. Only the tokens around
 * each quote are looked at, so text without quotes costs one scan.
 */
export function educateQuotes(text: string): string {
  const out = text.split('');
  const quotes = /["']/g;
  for (let match = quotes.exec(text); match; match = quotes.exec(text)) {
    const i = match.index;
    const quote = text[i] as '"' | "'";
    // A run of one quote mark ('' or "") is not a quote; a quote already opened as nested is done.
    if (text[i - 1] === quote || text[i + 1] === quote || out[i] !== quote) continue;
    const before = charBefore(text, i);
    const previous = before === undefined ? undefined : kindOf(before);
    const next = tokenAt(text, i + 1);
    const nextNext = next ? tokenAt(text, i + 1 + next.value.length) : undefined;
    if (next?.kind === 'punct' && nextNext?.kind !== 'word') {
      out[i] = CLOSE[quote];
    } else if ((next?.value === '"' || next?.value === "'") && nextNext?.kind === 'word') {
      // "'Nested" opens both.
      out[i] = OPEN[quote];
      out[i + 1] = OPEN[next.value];
    } else if (next && /^\d\ds$/.test(next.value)) {
      // '90s
      out[i] = CLOSE[quote];
    } else if (previous && previous !== 'word' && next?.kind === 'word') {
      out[i] = OPEN[quote];
    } else if (previous === 'word') {
      out[i] = CLOSE[quote];
    } else if (!next || next.kind === 'space' || (quote === "'" && next.value === 's')) {
      out[i] = CLOSE[quote];
    } else {
      out[i] = OPEN[quote];
    }
  }
  return out.join('');
}

/**
 * Turns `--` into an em dash, three or more dots (or three dots spaced apart) into an
 * ellipsis, and ``` `` ``` / `''` into curly double quotes.
 */
export function educateDashesAndEllipses(text: string): string {
  // Every change needs one of these; most text nodes have none and are returned as they are.
  if (!/\.\.\.|\.\s+\.|--|``|''/.test(text)) return text;
  const out: Token[] = [];
  for (const token of tokenize(text)) {
    if (/^\.+$/.test(token.value)) {
      // ". . ." : this run and the two before it, each pair separated by white space only.
      let count = 1;
      let k = out.length;
      while (count < 3 && k >= 2 && out[k - 1]?.kind === 'space' && /^\.+$/.test(out[k - 2]?.value ?? '')) {
        k -= 2;
        count++;
      }
      if (count >= 3) {
        out.length = k;
        token.value = '…';
      } else if (token.value.length >= 3) {
        token.value = '…';
      }
    } else if (token.value === '``') token.value = '“';
    else if (token.value === "''") token.value = '”';
    else if (token.value === '--') token.value = '—';
    out.push(token);
  }
  return out.map((token) => token.value).join('');
}
