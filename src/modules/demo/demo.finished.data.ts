// What the demo shows of a finished year: FY2567 collected, assessed, processed and published, beside FY2568
// in collection, so that every results page has data; and the results of FY2563–FY2566 as NACC published
// them before this system, imported like NACC's file, so that the year-over-year line has points. Numbers
// are invented; each agency has its own level, so the ratings spread from ผ่านดีเยี่ยม to ต้องปรับปรุงโดยด่วน.

/** The finished year (its framework is bundled). */
export const DEMO_DONE_YEAR = 2567;

export interface DemoFinished {
  code: string;
  /** Registered in FY2567 (an unregistered agency is not processed, with its reason). */
  registered: boolean;
  iitPopulation: number;
  eitPopulation: number;
  /** Responses as a share of the instrument's minimum (below 1: the instrument is not processed). */
  iitShare: number;
  eit1Share: number;
  /** How favourably the agency's respondents answer (the centre of their scores, 0–100). */
  iitLeaning: number;
  eitLeaning: number;
  /** OIT items scored 0 (every other item applying to the agency scores 100). */
  oitFailed: readonly string[];
}

const f = (
  n: string,
  iitPopulation: number,
  eitPopulation: number,
  shares: [number, number],
  leanings: [number, number],
  oitFailed: readonly string[],
  registered = true,
): DemoFinished => ({
  code: `DEMO47-${n}`,
  registered,
  iitPopulation,
  eitPopulation,
  iitShare: shares[0],
  eit1Share: shares[1],
  iitLeaning: leanings[0],
  eitLeaning: leanings[1],
  oitFailed,
});

/** Every demo agency took part in FY2567; DEMO47-09 did not register. */
export const DEMO_FINISHED: readonly DemoFinished[] = [
  f('01', 175, 880, [1.3, 1.2], [99, 99], []),
  f('02', 58, 430, [1.25, 1.15], [93, 95], ['O9', 'O36']),
  // Too few staff answered the IIT: the instrument is not processed, and the report says why.
  f('03', 24, 110, [0.7, 1.2], [88, 92], ['O12', 'O20', 'O33']),
  f('04', 310, 1150, [1.2, 1.1], [92, 94], ['O16', 'O30']),
  f('05', 135, 680, [1.15, 1.1], [83, 90], ['O5', 'O15', 'O28']),
  f('06', 88, 290, [1.4, 1.2], [78, 84], ['O7', 'O12', 'O21', 'O29', 'O35', 'O40']),
  f(
    '07',
    33,
    140,
    [1.1, 1.05],
    [62, 70],
    ['O4', 'O5', 'O9', 'O12', 'O15', 'O16', 'O20', 'O21', 'O22', 'O24'],
  ),
  f('08', 72, 580, [1.2, 1.25], [97, 98], []),
  f('09', 40, 200, [0, 0], [80, 80], [], false),
  f('10', 17, 75, [1, 1.3], [90, 93], ['O13']),
  f('11', 105, 950, [1.25, 1.1], [88, 91], ['O10', 'O36', 'O41']),
  f('12', 390, 2400, [1.1, 1.05], [85, 88], ['O16', 'O23', 'O37', 'O38']),
];

/** When each step of FY2567 happened (within its calendar: collection January–June 2024). */
export const DEMO_DONE_DAYS = {
  stakeholders: '2024-01-20',
  firstResponse: '2024-01-22',
  interviews: '2024-03-04',
  oitSaved: '2024-02-15',
  oitSubmitted: '2024-04-22',
  oitApproved: '2024-04-25',
  oitScored: '2024-05-27',
  oitAssessed: '2024-06-04',
  oitConfirmed: '2024-06-28',
} as const;
export const DEMO_DONE_COLLECTION_DAYS = 75;

/**
 * Published totals before this system, per agency: FY2563–FY2565 (IIT, EIT, OIT; AA–F) and FY2566 (EIT in
 * two parts; five levels). Each row's rating follows from its scores by the year's rules.
 */
export const DEMO_PAST_YEARS = [2563, 2564, 2565, 2566] as const;
/** Per agency, the first year's instrument scores and how much it gained (or lost) each year after. */
export const DEMO_PAST_TREND: Readonly<Record<string, { start: [number, number, number]; step: number }>> = {
  'DEMO47-01': { start: [88.4, 90.1, 84.5], step: 3.1 },
  'DEMO47-02': { start: [84.2, 86.7, 72.0], step: 2.6 },
  'DEMO47-03': { start: [80.5, 83.3, 61.2], step: 2.2 },
  'DEMO47-04': { start: [82.9, 85.6, 70.4], step: 2.8 },
  'DEMO47-05': { start: [78.8, 84.1, 66.3], step: 2.4 },
  'DEMO47-06': { start: [75.2, 80.9, 58.8], step: 1.8 },
  'DEMO47-07': { start: [70.6, 74.4, 52.5], step: -1.2 },
  'DEMO47-08': { start: [89.9, 91.2, 86.0], step: 2.0 },
  'DEMO47-10': { start: [83.1, 88.0, 69.7], step: 2.9 },
  'DEMO47-11': { start: [81.7, 84.9, 73.6], step: 1.6 },
  'DEMO47-12': { start: [79.3, 82.5, 75.1], step: 1.5 },
};
