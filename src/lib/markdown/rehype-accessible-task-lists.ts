/**
 * GFM task lists render bare `<input type="checkbox" disabled>` elements, which accessibility
 * audits flag as unlabelled form fields. This rehype plugin labels each checkbox with the text
 * of its list item and marks it read-only, so screen readers announce "Ship it, checkbox, checked".
 */
interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function isCheckbox(node: HastNode): boolean {
  return node.tagName === 'input' && node.properties?.['type'] === 'checkbox';
}

function labelTaskItems(node: HastNode): void {
  for (const child of node.children ?? []) {
    if (child.tagName === 'li') {
      const box = findCheckbox(child);
      if (box?.properties) {
        box.properties['ariaLabel'] = textOf(child).trim() || 'Task';
        box.properties['ariaReadOnly'] = 'true';
      }
    }
    labelTaskItems(child);
  }
}

function findCheckbox(item: HastNode): HastNode | undefined {
  for (const child of item.children ?? []) {
    if (isCheckbox(child)) return child;
    // A loose list wraps the checkbox in a <p>.
    if (child.tagName === 'p') {
      const nested = (child.children ?? []).find(isCheckbox);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** Labels every GFM task-list checkbox with its item's text. */
export function rehypeAccessibleTaskLists() {
  return (tree: HastNode) => labelTaskItems(tree);
}
