// The Thai strings of every feature, one chunk loaded when the staff app opens (not by the sign-in pages).
import { mergeFeatures, type Tree } from './merge.ts';

const files = import.meta.glob<{ default: Tree }>('./features/*.th.json', { eager: true });
export const features: Tree = mergeFeatures(files);
