import { describe, expect, test } from 'vitest';
import { buildCardLayout, hashCardLayout, titleFontSize } from '../../../src/server/cards/card-layout.ts';

const input = { title: 'Backend in 2026', siteName: 'Journal', category: 'Backend', author: 'Jordan Ellis' };

describe('buildCardLayout', () => {
  test('is exactly 1200×630 and shows the title, category, author and site name', () => {
    const card = buildCardLayout(input);
    expect(card.props.style).toMatchObject({ width: 1200, height: 630 });
    const text = JSON.stringify(card);
    for (const part of ['Backend in 2026', 'Backend', 'By Jordan Ellis', 'Journal'])
      expect(text).toContain(part);
  });

  test('the site-wide card has no category pill and no byline', () => {
    const text = JSON.stringify(buildCardLayout({ title: 'All articles', siteName: 'Journal' }));
    expect(text).not.toContain('By ');
    expect(text).not.toContain('borderRadius');
  });

  test('shrinks the type for long titles', () => {
    expect(titleFontSize('Short')).toBeGreaterThan(titleFontSize('x'.repeat(90)));
  });
});

describe('hashCardLayout', () => {
  test('is stable for identical inputs and fonts', () => {
    expect(hashCardLayout(buildCardLayout(input), 'font')).toBe(
      hashCardLayout(buildCardLayout({ ...input }), 'font'),
    );
  });

  test('changes with the title, the author or the font', () => {
    const base = hashCardLayout(buildCardLayout(input), 'font');
    expect(hashCardLayout(buildCardLayout({ ...input, title: 'Backend in 2027' }), 'font')).not.toBe(base);
    expect(hashCardLayout(buildCardLayout({ ...input, author: 'Someone Else' }), 'font')).not.toBe(base);
    expect(hashCardLayout(buildCardLayout(input), 'other font')).not.toBe(base);
  });
});
