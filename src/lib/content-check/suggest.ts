/** Edit distance between two short strings (names, slugs). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The option an editor most likely meant, if one is close enough to be a typo. */
export function closestMatch(value: string, options: readonly string[]): string | undefined {
  const wanted = value.toLowerCase();
  let best: { option: string; score: number } | undefined;
  for (const option of options) {
    const score = distance(wanted, option.toLowerCase());
    if (!best || score < best.score) best = { option, score };
  }
  return best && best.score <= Math.max(2, Math.floor(wanted.length / 3)) ? best.option : undefined;
}

/** "one of: a, b, c" with a "did you mean" first when one option is close; long lists point at `where`. */
export function listChoices(value: string, options: readonly string[], where?: string): string {
  const close = closestMatch(value, options);
  const all =
    where && options.length > 12
      ? `one of the ${options.length} in ${where}`
      : options.length
        ? `one of: ${options.join(', ')}`
        : 'none exist yet';
  return close ? `did you mean ${close}? Use ${all}` : `use ${all}`;
}
