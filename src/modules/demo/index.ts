// What other modules may import from the demo seed.
export { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_PROVINCE, DEMO_USERS, DEMO_YEAR } from './demo.data.ts';
export { DEMO_SITES_PREFIX, demoItemUrl, demoSiteUrl } from './demo.sites.ts';
export { demoRefusedInProduction, demoSeedTask, type SeedResult, seedDemo } from './seed.ts';
