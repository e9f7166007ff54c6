import { describe, expect, test } from 'vitest';
import { buildOgCard, hashOgCard, titleFontSize } from '../../src/lib/seo/og-card.ts';

const input = { title: 'Backend in 2026', siteName: 'Journal', category: 'Backend', author: 'Jordan Ellis' };

describe('buildOgCard', () => {
  test('is exactly 1200×630 and shows the title, category, author and site name', () => {
    const card = buildOgCard(input);
    expect(card.props.style).toMatchObject({ width: 1200, height: 630 });
    const text = JSON.stringify(card);
    for (const part of ['Backend in 2026', 'Backend', 'By Jordan Ellis', 'Journal'])
      expect(text).toContain(part);
  });

  test('the site-wide card has no category pill and no byline', () => {
    const text = JSON.stringify(buildOgCard({ title: 'All articles', siteName: 'Journal' }));
    expect(text).not.toContain('By ');
    expect(text).not.toContain('borderRadius');
  });

  test('shrinks the type for long titles', () => {
    expect(titleFontSize('Short')).toBeGreaterThan(titleFontSize('x'.repeat(90)));
  });
});

describe('hashOgCard', () => {
  test('is stable for identical inputs and fonts', () => {
    expect(hashOgCard(buildOgCard(input), 'font')).toBe(hashOgCard(buildOgCard({ ...input }), 'font'));
  });

  test('changes with the title, the author or the font', () => {
    const base = hashOgCard(buildOgCard(input), 'font');
    expect(hashOgCard(buildOgCard({ ...input, title: 'Backend in 2027' }), 'font')).not.toBe(base);
    expect(hashOgCard(buildOgCard({ ...input, author: 'Someone Else' }), 'font')).not.toBe(base);
    expect(hashOgCard(buildOgCard(input), 'other font')).not.toBe(base);
  });
});
