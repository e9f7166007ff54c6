/**
 * Lets editors write `<Figure src="./images/chart.png" … />` in MDX without an import: the
 * relative path becomes an import of the image, resolved from the article's own folder, so
 * the Figure component receives astro:assets metadata and the image is optimised like
 * `![alt](./chart.png)` is. Paths that do not start with ./ or ../ are left alone.
 */
interface MdastNode {
  type: string;
  name?: string | null;
  attributes?: MdastAttribute[];
  children?: MdastNode[];
  value?: string;
  data?: Record<string, unknown>;
}

interface MdastAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** Components whose `src` string is a local image to import. */
const IMAGE_COMPONENTS = new Set(['Figure']);

function program(body: unknown[]) {
  return { type: 'Program', sourceType: 'module', comments: [], body };
}

function importNode(source: string, local: string): MdastNode {
  const declaration = {
    type: 'ImportDeclaration',
    attributes: [],
    source: { type: 'Literal', value: source, raw: JSON.stringify(source) },
    specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: local } }],
  };
  return { type: 'mdxjsEsm', value: '', data: { estree: program([declaration]) } };
}

function identifierValue(name: string) {
  const statement = { type: 'ExpressionStatement', expression: { type: 'Identifier', name } };
  return { type: 'mdxJsxAttributeValueExpression', value: name, data: { estree: program([statement]) } };
}

/** The remark plugin; register it in the markdown processor's remarkPlugins. */
export function remarkFigureImages() {
  // Typed as object: remark hands over an mdast Root, which this file reads through MdastNode
  // rather than depending on the mdast and MDX type packages.
  return (root: object): void => {
    const tree = root as MdastNode;
    const imports = new Map<string, string>();
    const visit = (node: MdastNode): void => {
      const isJsx = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
      if (isJsx && node.name && IMAGE_COMPONENTS.has(node.name)) {
        for (const attribute of node.attributes ?? []) {
          const src = attribute.value;
          if (attribute.name !== 'src' || typeof src !== 'string' || !/^\.\.?\//.test(src)) continue;
          const local = imports.get(src) ?? `__figureImage${imports.size}`;
          imports.set(src, local);
          attribute.value = identifierValue(local);
        }
      }
      node.children?.forEach(visit);
    };
    visit(tree);
    const declarations = [...imports].map(([source, local]) => importNode(source, local));
    tree.children = [...declarations, ...(tree.children ?? [])];
  };
}
