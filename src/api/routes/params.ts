// Path and query shapes shared by the route files.
import { z } from 'zod';

/** An id in a path: readable ids (hoa-an.52-2026.tyt.2026) never need more. */
export const idParamsSchema = z.object({ id: z.string().min(1).max(300) });

/** A page after a form it saved (`?saved`): it says so. */
export const savedQuerySchema = z.object({ saved: z.string().max(10).optional() });
