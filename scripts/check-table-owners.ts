// Only the owning module imports a table (src/db/schema/owners.ts). Parses every source file's imports with
// the TypeScript compiler and fails, listing each offending file, when a module imports a table it does not
// own (only the whole-database tools, WHOLE_DATABASE_TOOLS, are exempt). Run by `npm run lint:deps`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { TABLE_OWNERS, WHOLE_DATABASE_TOOLS } from '../src/db/schema/owners.ts';

const root = resolve(import.meta.dirname, '..');
const schemaDir = join(root, 'src/db/schema');
const owners: Record<string, string> = TABLE_OWNERS;

/** The module a file belongs to: src/modules/<name>/…, or src/ops; null for code that owns no table. */
function moduleOf(file: string): string | null {
  const parts = relative(root, file).split('/');
  if (parts[1] === 'modules' && parts.length > 3) return parts[2] ?? null;
  if (parts[1] === 'ops') return 'ops';
  return null;
}

const isTest = (file: string) => /\.test\.tsx?$|\.testing\.ts$/.test(file);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !isTest(path)) yield path;
  }
}

/** Table names a file imports from src/db/schema (a namespace import counts as every table). */
function importedTables(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const tables: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = resolve(dirname(file), statement.moduleSpecifier.text);
    if (dirname(target) !== schemaDir) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) tables.push(...Object.keys(owners));
    else if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements) {
        const name = (element.propertyName ?? element.name).text;
        if (name in owners) tables.push(name);
      }
  }
  return tables;
}

const problems: string[] = [];
for (const file of sourceFiles(join(root, 'src'))) {
  const module = moduleOf(file);
  if (module === null || WHOLE_DATABASE_TOOLS.includes(module)) continue;
  for (const table of importedTables(file)) {
    if (owners[table] !== module)
      problems.push(`${relative(root, file)} imports ${table}, owned by ${owners[table]}`);
  }
}

if (problems.length > 0) {
  console.error(`Table ownership (src/db/schema/owners.ts): ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(
  `Table ownership: ${Object.keys(owners).length} tables, imported only by their owners (and the whole-database tools: ${WHOLE_DATABASE_TOOLS.join(', ')}).`,
);
