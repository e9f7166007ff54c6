/**
 * The card layout (1200×630) as a satori element tree, and the hash that names a drawn card.
 * Pure: drawing is card-draw.ts.
 */
import { createHash } from 'node:crypto';
import type { CardInput } from './card.ts';

/** Open Graph image width recommended by Facebook, LinkedIn and X. */
export const CARD_WIDTH = 1200;
/** Open Graph image height recommended by Facebook, LinkedIn and X. */
export const CARD_HEIGHT = 630;

/** A satori element: the object form of JSX (satori takes either). */
export interface CardElement {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: string | CardElement | CardElement[] | undefined;
  };
}

function el(style: Record<string, string | number>, children: CardElement['props']['children']): CardElement {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children } };
}

/** Long headlines get a smaller type size so they fit in four lines. */
export function titleFontSize(title: string): number {
  if (title.length <= 40) return 72;
  if (title.length <= 70) return 60;
  return 50;
}

/** The card's element tree for satori. */
export function buildCardLayout(input: CardInput): CardElement {
  const top = [el({ fontSize: 28, color: '#93c5fd', fontWeight: 700 }, input.siteName)];
  if (input.category) {
    top.push(
      el(
        {
          fontSize: 24,
          color: '#0f172a',
          background: '#93c5fd',
          borderRadius: 999,
          paddingTop: 6,
          paddingBottom: 6,
          paddingLeft: 20,
          paddingRight: 20,
        },
        input.category,
      ),
    );
  }
  const footer = input.author ? `By ${input.author}` : 'Articles and open roles for engineers';
  // Satori sizes boxes like CSS content-box: padding goes on an inner box so the outer one
  // stays exactly 1200×630.
  const body = el(
    {
      flexGrow: 1,
      flexDirection: 'column',
      justifyContent: 'space-between',
      paddingTop: 64,
      paddingBottom: 56,
      paddingLeft: 72,
      paddingRight: 72,
    },
    [
      el({ justifyContent: 'space-between', alignItems: 'center' }, top),
      el({ fontSize: titleFontSize(input.title), fontWeight: 700, lineHeight: 1.15 }, input.title),
      el({ fontSize: 28, color: '#cbd5e1' }, footer),
    ],
  );
  const accent = el({ height: 16, background: '#3b82f6' }, []);
  return el(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      flexDirection: 'column',
      background: '#0f172a',
      color: '#f8fafc',
      fontFamily: 'Inter',
    },
    [body, accent],
  );
}

/**
 * Names a rendered card: a hash of the element tree (inputs and layout alike) and the font
 * bytes, so editing the layout or an article's title invalidates exactly the cards it changes.
 */
export function hashCardLayout(card: CardElement, fontDigest: string): string {
  return createHash('sha256').update(fontDigest).update(JSON.stringify(card)).digest('hex').slice(0, 32);
}
