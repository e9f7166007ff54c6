/**
 * Social cards: a 1200×630 PNG per published article (`/og/<slug>.png`), drawn by the server
 * on first request from what the build lists in `og-cards.json`, plus the site-wide card the
 * build prerenders (`/og/site.png`). The feature's core types.
 */

/** What a card shows. Home and category pages use the site-wide card (no category, no author). */
export interface CardInput {
  title: string;
  siteName: string;
  category?: string | undefined;
  author?: string | undefined;
}

/** A card the site has: its inputs and the hash naming its PNG (also its ETag). */
export interface Card {
  hash: string;
  input: CardInput;
}

/** Name of the card manifest in the build folder (beside `client/` and `server/`). */
export const CARD_MANIFEST_FILE = 'og-cards.json';

/**
 * `og-cards.json`, written beside the build: what each published article's card shows, so the
 * server draws cards on request without reading the content.
 */
export interface CardManifest {
  /** Format version; a server refuses a manifest it does not understand. */
  version: 1;
  /** Card inputs by article slug (the `<slug>` of `/og/<slug>.png`), published articles only. */
  cards: Record<string, CardInput>;
}
