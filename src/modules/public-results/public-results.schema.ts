// API shape of the public results and open data (issue 11 §1): no login, only the publication in effect,
// names stable (the public pages, the open-data files and anyone's scripts are built on them).
import { z } from 'zod';
import { AGENCY_TYPES } from '../../shared/agency-types.ts';
import { ZReportIndicator, ZReportInstrument, ZReportOitItem } from '../results/index.ts';

const ZText = z.object({ th: z.string(), en: z.string().nullable() });
const ZName = z.object({ code: z.string(), th: z.string(), en: z.string().nullable() });

export const ZYearParams = z.object({ year: z.coerce.number().int().min(2500).max(2700) });
export const ZAgencyPageParams = ZYearParams.extend({
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .describe(
      'The agency code: the stable identifier of an agency, never changed once a result of it has been published',
    ),
});
const ZFilterCode = z.string().trim().min(1).max(32);
export const ZSearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Part of the Thai or English name, or of the code'),
  province: ZFilterCode.optional().describe('Only agencies of this province (ISO 3166-2:TH, e.g. TH-10)'),
  region: ZFilterCode.optional().describe('Only agencies of this region (north, northeast, central, …)'),
  ministry: ZFilterCode.optional().describe('Only agencies under this ministry (its code)'),
  type: z.enum(AGENCY_TYPES).optional().describe('Only agencies of this type'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const ZLicence = z.object({
  id: z.literal('CC-BY-4.0'),
  name: z.string(),
  url: z.url(),
  attribution: ZText.describe('How to credit the source'),
});

export const ZPublicPublication = z.object({
  id: z.uuid(),
  publishAt: z.iso.datetime(),
  correction: z
    .object({ supersedes: z.uuid().nullable(), reason: z.string().nullable() })
    .nullable()
    .describe('Set when this publication corrects an earlier one of the year (the public reason)'),
});

export const ZCheckpoint = z
  .object({
    seq: z.number().int().describe('Audit-log entry the checkpoint covers up to'),
    headHash: z.string().describe('Hash of the audit chain at that entry'),
    takenAt: z.iso.datetime(),
    reason: z.string(),
    keyId: z.string(),
    signed: z.string().describe('The signed checkpoint line: keep it to check later (prongsai audit verify)'),
  })
  .nullable()
  .describe('The signed audit checkpoint covering the publication; null until one is taken');

export const ZPublishedYears = z.object({
  items: z.array(
    z.object({
      year: z.number().int(),
      publication: ZPublicPublication,
      agencies: z.number().int().describe('Agencies with a published result'),
    }),
  ),
  licence: ZLicence,
});

export const ZGroup = z.object({
  code: z.string().nullable().describe('null: agencies without one'),
  th: z.string(),
  en: z.string().nullable(),
  agencies: z.number().int(),
  mean: z.number().nullable(),
  passing: z.number().int(),
  sharePassing: z.number().nullable().describe('0–1'),
});

export const ZOverview = z.object({
  year: z.number().int(),
  publication: ZPublicPublication,
  checkpoint: ZCheckpoint,
  licence: ZLicence,
  framework: z.object({
    year: z.number().int(),
    version: z.number().int().nullable(),
    passThreshold: z.number(),
    nationalTargetShare: z
      .number()
      .nullable()
      .describe('Share of agencies the national plan wants passing (0–1); null when the framework sets none'),
  }),
  agencies: z.number().int(),
  mean: z.number().nullable().describe('Mean total, two decimals'),
  passing: z.number().int().describe('Agencies passing (the rating rules of the framework)'),
  sharePassing: z.number().nullable().describe('0–1'),
  meetsNationalTarget: z.boolean().nullable().describe('null when the framework sets no national target'),
  ratings: z.array(ZName.extend({ count: z.number().int(), share: z.number().nullable() })),
  previous: z
    .object({ year: z.number().int(), agencies: z.number().int(), mean: z.number().nullable() })
    .nullable()
    .describe('The year before, when it has a publication in effect'),
  meanChange: z.number().nullable().describe('mean − previous.mean, two decimals'),
  breakdowns: z.object({
    ministry: z.array(ZGroup),
    agencyType: z.array(ZGroup),
    region: z.array(ZGroup),
    province: z.array(ZGroup),
  }),
});

export const ZPublicAgency = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  type: ZName,
  ministry: ZName.nullable(),
  province: ZName.extend({ region: ZName }).nullable(),
});

export const ZSearchItem = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  type: z.string(),
  typeName: ZText,
  provinceCode: z.string().nullable(),
  province: ZName.nullable(),
  total: z.number(),
  ratingCode: z.string(),
  rating: ZName,
  passes: z.boolean(),
});

export const ZSearchResult = z.object({
  items: z.array(ZSearchItem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

const ZSuppression = z
  .object({ code: z.enum(['small_group', 'complementary']), th: z.string(), en: z.string() })
  .nullable()
  .describe('Why score (and, for a small group, n) is withheld: groups under 5 responses are never shown');

// The public shapes are the agency report's (src/modules/results/report.schema.ts), less what stays inside
// the agency (questions, assessors' words), plus what the disclosure rule withheld.
export const ZPublicInstrument = ZReportInstrument.extend({
  n: z.number().int().nullable().describe('Counted responses; null for open data (OIT) or when suppressed'),
  suppressed: ZSuppression,
});

export const ZPublicIndicator = ZReportIndicator.pick({
  order: true,
  code: true,
  name: true,
  instruments: true,
  score: true,
  threshold: true,
  passes: true,
}).extend({
  suppressed: z.boolean().describe('Withheld: scored by an instrument whose score is withheld'),
});

export const ZPublicOitItem = ZReportOitItem.pick({
  code: true,
  displayCode: true,
  title: true,
  indicator: true,
  subIndicator: true,
  score: true,
}).extend({
  componentsFound: z.number().int().nullable(),
  components: z.number().int(),
});

export const ZAgencyPage = z.object({
  year: z.number().int(),
  publication: ZPublicPublication,
  checkpoint: ZCheckpoint,
  licence: ZLicence,
  agency: ZPublicAgency,
  total: z.number(),
  rating: ZName,
  passes: z.boolean(),
  passThreshold: z.number(),
  instruments: z.array(ZPublicInstrument),
  indicators: z.array(ZPublicIndicator),
  oitItems: z.array(ZPublicOitItem),
  history: z
    .array(z.object({ year: z.number().int(), total: z.number(), rating: ZName.nullable() }))
    .describe('Every year with a publication in effect that holds the agency, oldest first'),
});

export const ZColumn = z.object({
  name: z.string(),
  type: z.enum(['string', 'integer', 'number', 'boolean', 'datetime']),
  nullable: z.boolean(),
  th: z.string(),
  en: z.string(),
});

export const ZDictionary = z.object({
  licence: ZLicence,
  format: ZText.describe('How the CSV and JSON files are written'),
  datasets: z.array(
    z.object({
      name: z.string(),
      files: z.array(z.string()),
      rows: ZText.describe('What one row is'),
      columns: z.array(ZColumn),
    }),
  ),
});

export const ZOpenDataJson = z.object({
  dataset: z.string(),
  year: z.number().int(),
  publication: ZPublicPublication,
  licence: ZLicence,
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

export type Overview = z.infer<typeof ZOverview>;
export type Group = z.infer<typeof ZGroup>;
export type AgencyPage = z.infer<typeof ZAgencyPage>;
export type PublicAgency = z.infer<typeof ZPublicAgency>;
export type SearchResult = z.infer<typeof ZSearchResult>;
export type SearchItem = z.infer<typeof ZSearchItem>;
export type SearchQuery = z.infer<typeof ZSearchQuery>;
export type Licence = z.infer<typeof ZLicence>;
export type PublicPublicationInfo = z.infer<typeof ZPublicPublication>;
export type Checkpoint = z.infer<typeof ZCheckpoint>;
export type Column = z.infer<typeof ZColumn>;
export type Dictionary = z.infer<typeof ZDictionary>;
export type OpenDataJson = z.infer<typeof ZOpenDataJson>;
