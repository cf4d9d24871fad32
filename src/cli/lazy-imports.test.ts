// The loading rule of src/cli/io.ts: what `prongsai` loads before it knows which command runs (the program,
// every command's registration) imports statically only node:* and commander; everything else is loaded with
// `await import()` inside the action that needs it, so `prongsai --help` stays fast and `prongsai score` does
// not load the web server. Type-only imports are erased and do not count.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../test/helpers/static-imports.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('prongsai loads each command lazily', () => {
  it('the program and every registration import only node:*, commander and each other statically', () => {
    const { files, packages } = staticGraph(path.join(here, 'index.ts'), here);
    const outside = packages.filter(([, spec]) => spec !== 'commander').map(([f, spec]) => `${f} → ${spec}`);
    expect(outside).toEqual([]);
    // Every command file is reached (and so checked) and nothing outside src/cli is.
    expect(files).toContain('commands/backup.ts');
    expect(files.filter((f) => f.startsWith('..'))).toEqual([]);
  });
});
