// The loading rule of src/cli/io.ts: what `prongsai` loads before it knows which command runs (the program,
// every command's registration) imports statically only node:* and commander; everything else is loaded with
// `await import()` inside the action that needs it, so `prongsai --help` stays fast and `prongsai score` does
// not load the web server. Type-only imports are erased and do not count.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The static (non type-only) import and re-export specifiers of a file. */
function staticImports(file: string): string[] {
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

describe('prongsai loads each command lazily', () => {
  it('the program and every registration import only node:*, commander and each other statically', () => {
    const seen = new Set<string>();
    const outside: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file)) {
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
        else if (!spec.startsWith('node:') && spec !== 'commander')
          outside.push(`${path.relative(here, file)} → ${spec}`);
      }
    };
    visit(path.join(here, 'index.ts'));
    expect(outside).toEqual([]);
    const files = [...seen].map((f) => path.relative(here, f)).sort();
    // Every command file is reached (and so checked) and nothing outside src/cli is.
    expect(files).toContain('commands/backup.ts');
    expect(files.filter((f) => f.startsWith('..'))).toEqual([]);
  });
});
