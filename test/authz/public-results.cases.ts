// Public results and open data: no session, everyone allowed (anonymous too), and the same for every role:
// only the publication in effect (results.cases.ts publishes the year's second run and keeps the first under
// embargo until 2030). Agency pages name the target agency by its code, which the published run holds.
import { DATASET_NAMES, FORMATS } from '../../src/modules/public-results/open-data.ts';
import { YEAR } from '../../src/modules/quality/quality.fixture.testing.ts';
import { everyone, type MatrixCase } from './cases.ts';

const published = {
  unscoped:
    'public results: the publication in effect, the same for everyone (embargo tests in public-results.test.ts)',
};

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/public/results',
    method: 'GET',
    url: () => '/api/public/results',
    expect: everyone(),
    contents: published,
  },
  {
    name: 'GET /api/public/results/:year',
    method: 'GET',
    url: () => `/api/public/results/${YEAR}`,
    expect: everyone(),
    contents: published,
  },
  {
    name: 'GET /api/public/results/:year/agencies',
    method: 'GET',
    url: () => `/api/public/results/${YEAR}/agencies?q=AGENCY`,
    expect: everyone(),
    contents: published,
  },
  {
    name: 'GET /api/public/results/:year/agencies (a province page: filtered by province)',
    method: 'GET',
    url: () => `/api/public/results/${YEAR}/agencies?province=TH-P1&type=sao`,
    expect: everyone(),
    contents: published,
  },
  {
    name: 'GET /api/public/results/:year/agencies/:code',
    method: 'GET',
    url: (w) => `/api/public/results/${YEAR}/agencies/${encodeURIComponent(w.target.agency.code)}`,
    expect: everyone(),
  },
  {
    name: 'GET /api/public/open-data/dictionary',
    method: 'GET',
    url: () => '/api/public/open-data/dictionary',
    expect: everyone(),
    contents: { unscoped: 'the data dictionary and licence (no data)' },
  },
  ...DATASET_NAMES.flatMap((name) =>
    FORMATS.map(
      (format): MatrixCase => ({
        name: `GET /api/public/open-data/:year/${name}.${format}`,
        method: 'GET',
        url: () => `/api/public/open-data/${YEAR}/${name}.${format}`,
        expect: everyone(),
        contents: published,
      }),
    ),
  ),
];
