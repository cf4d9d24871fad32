// The Thai and English catalogues: the core files plus one pair per feature (features/<name>.th.json and
// features/<name>.en.json), so features can add their strings without editing a shared file. Each feature
// file holds one top-level key, its namespace (e.g. { "surveys": { … } }).
import coreEn from './en.json';
import coreTh from './th.json';

export type Tree = { [key: string]: string | Tree };

const features = import.meta.glob<{ default: Tree }>('./features/*.json', { eager: true });

function merged(lang: 'th' | 'en', core: Tree): Tree {
  const out: Tree = { ...core };
  for (const [file, mod] of Object.entries(features)) {
    if (!file.endsWith(`.${lang}.json`)) continue;
    for (const [ns, tree] of Object.entries(mod.default)) {
      if (ns in out) throw new Error(`i18n: namespace "${ns}" of ${file} is already defined`);
      out[ns] = tree;
    }
  }
  return out;
}

export const th = merged('th', coreTh as Tree);
export const en = merged('en', coreEn as Tree);
