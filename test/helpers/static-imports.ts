// The static import graph of the server's sources, as Node loads it: `import … from` and `export … from`
// (type-only ones are erased when compiled and do not count; `import { type A } from` still loads its module
// under verbatimModuleSyntax, so it counts), never `await import()`. For the tests that keep heavy packages
// out of what loads at start.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The static (non type-only) import and re-export specifiers of a file. */
export function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly)
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly)
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
  }
  return specifiers;
}

/**
 * Every source file reached from `entry` through static relative imports, and the packages (bare specifiers,
 * `node:` ones left out) each of them imports, as `file → package` pairs relative to `base`.
 */
export function staticGraph(entry: string, base: string): { files: string[]; packages: [string, string][] } {
  const seen = new Set<string>();
  const packages: [string, string][] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.push([path.relative(base, file), spec]);
    }
  };
  visit(entry);
  return { files: [...seen].map((f) => path.relative(base, f)).sort(), packages };
}
