// Catalogue trees and how one language's feature files join its core catalogue. Each feature file
// (features/<name>.<lang>.json) holds one top-level key, its namespace (e.g. { "report": { … } }), so features
// add their strings without editing a shared file.
export type Tree = { [key: string]: string | Tree };

/** The namespaces of a language's feature files in one tree; a namespace defined twice throws. */
export function mergeFeatures(files: Record<string, { default: Tree }>, taken: Iterable<string> = []): Tree {
  const out: Tree = {};
  const seen = new Set(taken);
  for (const [file, mod] of Object.entries(files)) {
    for (const [ns, tree] of Object.entries(mod.default)) {
      if (seen.has(ns)) throw new Error(`i18n: namespace "${ns}" of ${file} is already defined`);
      seen.add(ns);
      out[ns] = tree;
    }
  }
  return out;
}
