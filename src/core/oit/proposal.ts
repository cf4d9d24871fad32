// The score an OIT item is proposed from the components the assessor ticked: every component the item
// requires shown on the agency's pages → 100, otherwise 0. Only a proposal: the score stays the assessor's
// decision, except that 100 without every component is refused (the same rule, `missingComponents`).

/** The required components (by position) not ticked as found. */
export function missingComponents(componentCount: number, found: readonly number[]): number[] {
  const ticked = new Set(found);
  return Array.from({ length: componentCount }, (_, i) => i).filter((i) => !ticked.has(i));
}

/** 100 when every required component was found, else 0; nothing ticked and nothing required is 0. */
export function proposedScore(componentCount: number, found: readonly number[]): 0 | 100 {
  return componentCount > 0 && missingComponents(componentCount, found).length === 0 ? 100 : 0;
}
