// The English strings of every feature, one chunk loaded when the staff app opens in English.
import { mergeFeatures, type Tree } from './merge.ts';

const files = import.meta.glob<{ default: Tree }>('./features/*.en.json', { eager: true });
export const features: Tree = mergeFeatures(files);
