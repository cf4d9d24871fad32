// A fiscal year in the Buddhist Era, as requests carry it (the database accepts 2550–2700). Shared by every
// module's schemas (and so by the web app, which imports them for types).
import { z } from 'zod';

export const ZFiscalYear = z.coerce.number().int().min(2550).max(2700).meta({ example: 2568 });
