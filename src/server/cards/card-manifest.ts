/** Reads `og-cards.json`, the card inputs the build wrote beside `client/` and `server/`. */
import { parseBuildJson, readBuildJson } from '../platform/build-files.ts';
import type { CardInput, CardManifest } from './card.ts';

function isCardInput(value: unknown): value is CardInput {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as Record<string, unknown>;
  const optional = (field: unknown) => field === undefined || typeof field === 'string';
  return (
    typeof card['title'] === 'string' &&
    typeof card['siteName'] === 'string' &&
    optional(card['category']) &&
    optional(card['author'])
  );
}

/** Parses a manifest; throws naming the file and the first thing wrong with it. */
export function parseCardManifest(text: string, file: string): CardManifest {
  return checkCardManifest(parseBuildJson(text, file), file);
}

function checkCardManifest(data: unknown, file: string): CardManifest {
  const manifest = data as Partial<CardManifest> | null;
  if (manifest?.version !== 1 || typeof manifest.cards !== 'object' || manifest.cards === null)
    throw new Error(`${file} is not a version 1 card manifest; rebuild the site with this version`);
  for (const [slug, card] of Object.entries(manifest.cards))
    if (!isCardInput(card)) throw new Error(`${file}: the card of "${slug}" has no title or site name`);
  return { version: 1, cards: manifest.cards };
}

/** Reads the manifest of a build, or undefined when the build has none (built before cards moved). */
export function readCardManifest(file: string): CardManifest | undefined {
  const data = readBuildJson(file);
  return data === undefined ? undefined : checkCardManifest(data, file);
}

/** Looks cards up by slug; only the manifest's own entries are slugs (not `__proto__` and kin). */
export function cardLookup(manifest: CardManifest): (slug: string) => CardInput | undefined {
  const cards = new Map(Object.entries(manifest.cards));
  return (slug) => cards.get(slug);
}
