import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAgencyTypeList, ZMinistryList, ZProvinceList } from './reference.schema.ts';
import { listAgencyTypes, listMinistries, listProvinces } from './reference.service.ts';

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reference/provinces',
    {
      schema: {
        tags: ['reference'],
        summary: 'The 77 provinces (ISO 3166-2:TH) with Thai/English names and region (public)',
        response: { 200: ZProvinceList },
      },
    },
    async () => ({ items: await listProvinces(app.deps.db) }),
  );

  app.get(
    '/reference/ministries',
    {
      schema: {
        tags: ['reference'],
        summary: 'Ministries and the codes for agencies outside them (public)',
        response: { 200: ZMinistryList },
      },
    },
    async () => ({ items: await listMinistries(app.deps.db) }),
  );

  app.get(
    '/reference/agency-types',
    {
      schema: {
        tags: ['reference'],
        summary: 'Agency type codes with Thai/English labels (public)',
        response: { 200: ZAgencyTypeList },
      },
    },
    async () => ({ items: listAgencyTypes() }),
  );
};
