// Path and query shapes shared by the route files.
import { z } from 'zod';

/** An id in a path: readable ids (hoa-an.52-2026.tyt.2026) never need more. */
export const idParamsSchema = z.object({ id: z.string().min(1).max(300) });
