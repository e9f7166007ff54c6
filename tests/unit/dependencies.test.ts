import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const runtime = new Set(Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }));
const development = new Set(Object.keys(manifest.devDependencies ?? {}));

/**
 * Code that only runs in a full checkout (tests, benchmarks, test tooling) may use
 * devDependencies; everything else runs on a server installed with `npm ci --omit=dev`
 * (the site, its build config, the operator and editor commands) and needs dependencies.
 */
const devOnly = [/^tests\//, /^bench\//, /^scripts\/bench\//, /^(playwright|vitest)\.config\.ts$/];
const roots = [
  'src',
  'scripts',
  'tests',
  'bench',
  'astro.config.mjs',
  'playwright.config.ts',
  'vitest.config.ts',
];
const codeFile = /\.(ts|mts|js|mjs|tsx|astro)$/;

/**
 * The project's code under the roots as git sees it: tracked or new, never what git ignores
 * (builds and the benchmarks' scratch projects are Astro's output, not code the project wrote).
 */
function projectFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...roots],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return (
    listed
      .split('\n')
      .filter((file) => codeFile.test(file) && existsSync(join(root, file)))
      // Fixtures are inputs to the code under test (articles, feeds), not code the project runs.
      .filter((file) => !file.split('/').includes('fixtures'))
  );
}

/** The script parts of an .astro file: its frontmatter and its <script> elements. */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)];
  return [frontmatter, ...scripts.map((m) => m[1])].join('\n');
}

/** Every module specifier a file imports, exports from or dynamically imports, and whether only types. */
function importsIn(file: string, text: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(
    file,
    scriptOf(file, text),
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.TS,
  );
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      found.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: node.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword,
      });
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) found.push({ specifier: argument.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push({ specifier: literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or undefined if not a package. */
function packageOf(specifier: string): string | undefined {
  if (/^(\.|\/|@\/|[a-z]+:)/.test(specifier) || isBuiltin(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

test('package.json declares every package the code imports, in dependencies unless only tests use it', () => {
  const files = projectFiles();
  expect(files.length).toBeGreaterThan(100);
  const problems: string[] = [];
  for (const file of files) {
    const dev = devOnly.some((pattern) => pattern.test(relative(root, join(root, file))));
    for (const { specifier, typeOnly } of importsIn(file, readFileSync(join(root, file), 'utf8'))) {
      const name = packageOf(specifier);
      if (!name) continue;
      // Type-only imports vanish when the code runs, so a devDependency serves them anywhere.
      const allowed = runtime.has(name) || ((dev || typeOnly) && development.has(name));
      if (allowed) continue;
      problems.push(
        development.has(name)
          ? `${file}: imports ${specifier}, but ${name} is only a devDependency`
          : `${file}: imports ${specifier}, but ${name} is not declared in package.json`,
      );
    }
  }
  expect(problems).toEqual([]);
});

test('the import scan sees every kind of import it checks', () => {
  const astro = [
    '---',
    "import { a } from 'front';",
    '---',
    '<p>import { not } from "prose";</p>',
    "<script>import 'client';</script>",
    '<script type="application/ld+json">{}</script>',
  ].join('\n');
  expect(importsIn('Page.astro', astro).map((i) => i.specifier)).toEqual(['front', 'client']);
  const code = [
    "import x from 'plain';",
    "import type { T } from 'types-only';",
    "export { y } from 'reexported';",
    "const later = await import('dynamic');",
    "type U = import('type-query').U;",
    "// import { gone } from 'commented';",
  ].join('\n');
  expect(importsIn('code.ts', code)).toEqual([
    { specifier: 'plain', typeOnly: false },
    { specifier: 'types-only', typeOnly: true },
    { specifier: 'reexported', typeOnly: false },
    { specifier: 'dynamic', typeOnly: false },
    { specifier: 'type-query', typeOnly: true },
  ]);
  expect(
    ['@scope/pkg/sub', 'pkg/sub', 'node:fs', 'fs', '@/lib/x', 'astro:content', './x'].map(packageOf),
  ).toEqual(['@scope/pkg', 'pkg', undefined, undefined, undefined, undefined, undefined]);
});
