// Both languages' whole catalogues (core + features), for the catalogue test and tools: the app itself
// loads one language, its core first and its features with the staff app (index.ts).
import coreEn from './en.json';
import { features as featuresEn } from './features.en.ts';
import { features as featuresTh } from './features.th.ts';
import type { Tree } from './merge.ts';
import coreTh from './th.json';

export type { Tree };

function whole(core: Tree, features: Tree): Tree {
  for (const ns of Object.keys(features))
    if (ns in core) throw new Error(`i18n: feature namespace "${ns}" is also in the core catalogue`);
  return { ...core, ...features };
}

export const th = whole(coreTh as Tree, featuresTh);
export const en = whole(coreEn as Tree, featuresEn);
