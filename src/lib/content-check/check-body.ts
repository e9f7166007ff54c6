/** Problems in an article body that need no other article: images and components. */
import { CALLOUT_TYPES } from '../article-schema.ts';
import type { BodyScan } from './body.ts';
import { type FileExists, imagePathProblem } from './check-frontmatter.ts';
import type { Problem } from './problem.ts';

const EXAMPLE_FIGURE =
  '<Figure src="./images/diagram.png" alt="What the image shows" caption="What it means" />';

/** Missing alt text, missing captions, missing image files and unknown Callout types. */
export function checkBody(file: string, scan: BodyScan, exists: FileExists): Problem[] {
  const problems: Problem[] = [];
  const add = (line: number, field: string, message: string) => problems.push({ file, line, field, message });
  for (const image of scan.images) {
    if (!image.alt)
      add(
        image.line,
        'image',
        `![](${image.src}) has no alt text; write what the image shows inside the [ ] brackets`,
      );
    if (/^\.\.?\//.test(image.src)) {
      const problem = imagePathProblem(file, image.src, exists);
      if (problem) add(image.line, 'image', problem);
    }
  }
  for (const tag of scan.tags) {
    const value = (name: string) => tag.attributes.get(name);
    if (tag.name === 'Figure') {
      const src = value('src');
      if (src === undefined || src === '') add(tag.line, 'Figure', `has no src; write ${EXAMPLE_FIGURE}`);
      else if (src !== null) {
        const problem = imagePathProblem(file, src, exists);
        if (problem) add(tag.line, 'Figure', problem);
      }
      if (!value('alt')?.trim() && value('alt') !== null)
        add(
          tag.line,
          'Figure',
          'has no alt text; add alt="what the image shows" for readers who cannot see it',
        );
      if (!value('caption')?.trim() && value('caption') !== null)
        add(tag.line, 'Figure', 'has no caption; add caption="…" saying what the reader should take from it');
    }
    if (tag.name === 'Callout') {
      const type = value('type');
      if (typeof type === 'string' && !(CALLOUT_TYPES as readonly string[]).includes(type))
        add(tag.line, 'Callout', `type '${type}' does not exist; use one of: ${CALLOUT_TYPES.join(', ')}`);
    }
  }
  return problems;
}
