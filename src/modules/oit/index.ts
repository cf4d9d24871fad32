// What other modules may use of the agency side of OIT: the routes, and the audit entity id of an item.
export { oitRoutes } from './oit.routes.ts';
export { itemEntityId, reviewEntityId } from './oit.service.ts';
