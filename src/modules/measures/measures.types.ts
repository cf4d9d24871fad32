import type { z } from 'zod';
import type { ZMeasuresDocument } from './measures.schema.ts';

export type MeasuresDocument = z.infer<typeof ZMeasuresDocument>;
