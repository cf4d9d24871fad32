// What other modules may use of the provincial plans: the save as a domain function (the demo's plan is
// written through it) and the template (for documents built from it).

export { getPlan, putPlan } from './plans.service.ts';
export { PLAN_TEMPLATE } from './plans.template.ts';
