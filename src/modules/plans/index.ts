// What other modules may use of the provincial plans: the template resolved for a scope and year, and the save
// as a domain function (the demo's plan is written through both: validated and audited like any save).
export { planTemplateFor, savePlan } from './plans.service.ts';
