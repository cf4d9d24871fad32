// What other modules may import from the reference module.
export { MINISTRIES, PROVINCES, REGION_LABELS } from './reference.data.ts';
export { loadReferenceData, referenceDataTask } from './reference.loader.ts';
export {
  type MinistryRow,
  ministriesByCodes,
  type ProvinceRow,
  provincesByCodes,
  referenceCodes,
} from './reference.queries.ts';
export { listMinistries, listProvinces } from './reference.service.ts';
