/**
 * A long code line makes its `<pre>` scroll sideways, and keyboard users can only scroll a
 * region that takes focus (axe: scrollable-region-focusable). Every code block is made
 * focusable, so it can be reached and scrolled without a mouse; its text is its name.
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function makeFocusable(node: HastNode): void {
  for (const child of node.children ?? []) {
    if (child.tagName === 'pre') {
      child.properties ??= {};
      child.properties['tabIndex'] = 0;
    } else {
      makeFocusable(child);
    }
  }
}

/** Makes every `<pre>` keyboard-focusable. */
export function rehypeFocusableCode() {
  return (tree: HastNode) => makeFocusable(tree);
}
