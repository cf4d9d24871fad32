// What the demo shows of FY2568 OIT: one agency in each state of the workflow, evidence URLs on the demo
// agencies' own websites (served by the app under /demo-sites), a few pages missing so that broken
// evidence and items scored 0 appear, one clarification waiting and one accepted.

export type DemoOitState =
  | 'drafts' // some items answered, nothing submitted yet
  | 'awaiting_approval' // every item answered and submitted to the executive
  | 'approved' // approved by the executive, waiting for the assessor
  | 'assessed' // scored and submitted by the assessor
  | 'clarification' // assessed, and the agency has filed a clarification
  | 'confirmed'; // the assessor confirmed the final result

/** Agencies not listed have not started their OIT. */
export const DEMO_OIT_PLAN: Readonly<Record<string, DemoOitState>> = {
  'DEMO47-04': 'drafts', // the demo agency admin's and executive's own agency
  'DEMO47-07': 'drafts',
  'DEMO47-03': 'awaiting_approval',
  'DEMO47-06': 'approved',
  'DEMO47-05': 'assessed',
  'DEMO47-02': 'clarification',
  'DEMO47-01': 'confirmed',
};

/** How many items the agencies in 'drafts' have answered so far. */
export const DEMO_DRAFTED_ITEMS = 10;

/** Items delegated to the demo staff account in the own agency (codes of the FY2568 framework). */
export const DEMO_DELEGATED_ITEMS = ['o7', 'o8'];

/** Items every agency answers "hasn't" (the rest answer "has" with one URL). */
export const DEMO_HASNT_ITEMS = new Set(['o16']);

/** Items the demo websites publish as a PDF document (`<item>.pdf`) rather than a web page. */
export const DEMO_PDF_ITEMS = new Set(['o8', 'o13']);

/** `AGENCY/item` pages the demo websites do not have: the evidence is broken and the item is scored 0. */
export const DEMO_MISSING_PAGES = new Set([
  'DEMO47-05/o12',
  'DEMO47-02/o5',
  'DEMO47-02/o21',
  'DEMO47-01/o20',
]);

/** The item the clarification agency disputes (one of its missing pages), and the confirmed agency's. */
export const DEMO_DISPUTED_ITEM = { agency: 'DEMO47-02', item: 'o5' } as const;
export const DEMO_ACCEPTED_ITEM = { agency: 'DEMO47-01', item: 'o20' } as const;

/** Calendar stages of OIT the demo keeps open with extensions (as it does for the collection windows). */
export const DEMO_OIT_STAGES = ['oit_answering', 'oit_scoring', 'clarification', 'confirmation'] as const;
/** The FY2568 stage in which the demo's measures (from the published FY2567) are written, kept open too. */
export const DEMO_MEASURES_STAGE = 'measures';
