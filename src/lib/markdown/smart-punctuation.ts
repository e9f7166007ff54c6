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

function isQuote(token: Token | undefined): token is Token & { value: '"' | "'" } {
  return token?.value === '"' || token?.value === "'";
}

/**
 * Turns straight quotes into curly ones. The text keeps its length (one character for one),
 * so a caller may educate a whole paragraph at once and cut the result back into its pieces.
 * A quote with no token before it counts as following white space.
 */
export function educateQuotes(text: string): string {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!isQuote(token)) continue;
    const quote = token.value;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    const nextNext = tokens[i + 2];
    if (next?.kind === 'punct' && nextNext?.kind !== 'word') {
      token.value = CLOSE[quote];
    } else if (isQuote(next) && nextNext?.kind === 'word') {
      // "'Nested" opens both.
      token.value = OPEN[quote];
      next.value = OPEN[next.value];
    } else if (next && /^\d\ds$/.test(next.value)) {
      // '90s
      token.value = CLOSE[quote];
    } else if (previous && previous.kind !== 'word' && next?.kind === 'word') {
      token.value = OPEN[quote];
    } else if (previous?.kind === 'word') {
      token.value = CLOSE[quote];
    } else if (!next || next.kind === 'space' || (quote === "'" && next.value === 's')) {
      token.value = CLOSE[quote];
    } else {
      token.value = OPEN[quote];
    }
  }
  return tokens.map((token) => token.value).join('');
}

/**
 * Turns `--` into an em dash, three or more dots (or three dots spaced apart) into an
 * ellipsis, and ``` `` ``` / `''` into curly double quotes.
 */
export function educateDashesAndEllipses(text: string): string {
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
