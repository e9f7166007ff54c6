import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkSmartPunctuation } from '@/lib/markdown/remark-smart-punctuation';
import { educateDashesAndEllipses, educateQuotes } from '@/lib/markdown/smart-punctuation';

// The reference: retext-smartypants, which Astro's `smartypants: true` runs through remark-smartypants.
const referenceQuotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
const referenceDashes = retext().use(retextSmartypants, { quotes: false });

describe('educateQuotes', () => {
  it.each([
    ['He said "hi." Then', 'He said “hi.” Then'],
    [`"'Nested,' she said"`, '“‘Nested,’ she said”'],
    ["don't rock'n'roll", 'don’t rock’n’roll'],
    ["the engineers' tools", 'the engineers’ tools'],
    ['"(word)"', '“(word)”'],
    ["'tis", '‘tis'],
    ['"a," b', '“a,” b'],
    ['""', '""'],
  ])('%s', (input, expected) => {
    expect(educateQuotes(input)).toBe(expected);
    expect(educateQuotes(input)).toBe(referenceQuotes.processSync(input).toString());
  });

  it('reads letters outside the Basic Multilingual Plane as letters', () => {
    expect(educateQuotes("𝐀'𝐁 '𝐂'")).toBe('𝐀’𝐁 ‘𝐂’');
  });

  it('keeps the length of the text, one character for one', () => {
    fc.assert(fc.property(fc.string(), (text) => educateQuotes(text).length === text.length));
  });

  it("writes the decade apostrophe ('90s) as a closing quote, also before a full stop", () => {
    // retext-smartypants opens it before a full stop ("‘90s."), which is the wrong mark.
    expect(educateQuotes("the '90s")).toBe('the ’90s');
    expect(educateQuotes("the '90s.")).toBe('the ’90s.');
  });

  it('matches retext-smartypants on prose', () => {
    const word = fc.constantFrom(
      'the',
      'I',
      "don't",
      'a',
      'It',
      "rock'n'roll",
      'teams',
      "engineers'",
      "'tis",
      '2026',
      "it's",
    );
    const before = fc.constantFrom('', '"', "'", '("', `"'`);
    const after = fc.constantFrom('', '"', "'", ',', '.', '."', ',"', '?"', `'"`, ')', '!');
    const sentence = fc
      .array(fc.tuple(before, word, after), { minLength: 1, maxLength: 12 })
      .map((words) => words.map((parts) => parts.join('')).join(' '));
    fc.assert(
      fc.property(sentence, (text) => educateQuotes(text) === referenceQuotes.processSync(text).toString()),
      { numRuns: 3000 },
    );
  });
});

describe('educateDashesAndEllipses', () => {
  it.each([
    ['a--b', 'a—b'],
    ['a---b', 'a---b'],
    ['wait...', 'wait…'],
    ['a . . . b', 'a … b'],
    ['. . . .', '… .'],
    ["``quoted''", '“quoted”'],
  ])('%s', (input, expected) => {
    expect(educateDashesAndEllipses(input)).toBe(expected);
  });

  it('matches retext-smartypants on any mix of dots, dashes, quotes and words', () => {
    const char = fc.constantFrom('a', 's', '9', ' ', '\n', '.', ',', '"', "'", '-', '`', '(', '?');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 16 }), (chars) => {
        const text = chars.join('');
        return educateDashesAndEllipses(text) === referenceDashes.processSync(text).toString();
      }),
      { numRuns: 5000 },
    );
  });
});

describe('remarkSmartPunctuation', () => {
  const pipeline = (plugin: typeof remarkSmartPunctuation) =>
    unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(plugin);
  const ours = pipeline(remarkSmartPunctuation);
  const reference = pipeline(remarkSmartypants as unknown as typeof remarkSmartPunctuation);
  const tree = (processor: ReturnType<typeof pipeline>, source: string) =>
    JSON.stringify(processor.runSync(processor.parse(source)));

  it('educates across links and emphasis, never inside code or <script>', () => {
    const source = [
      '# "Heading" -- with a dash',
      '',
      'She said "see [the *docs*](/docs/)" and left... `"code"` stays.',
      '',
      '| "a" | b |',
      '| --- | --- |',
      "| it's | `x--y` |",
      '',
      'Inline <>fragment\'s "text"</> and <span>span\'s</span> text.',
    ].join('\n');
    expect(tree(ours, source)).toBe(tree(reference, source));
    expect(tree(ours, source)).toContain('“see ');
    expect(tree(ours, source)).toContain('\\"code\\"');
  });

  it('gives the same tree as remark-smartypants for every article in content/', () => {
    const dir = 'content/articles';
    const files = readdirSync(dir).filter((file) => /\.mdx?$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(`${dir}/${file}`, 'utf8').replace(/^---[\s\S]*?---/, '');
      expect(tree(ours, source), file).toBe(tree(reference, source));
    }
  });
});
