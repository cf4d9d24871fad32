export { bangkokDay, countedResponses, type NewResponse, recordResponse } from './responses.repo.ts';
