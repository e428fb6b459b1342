import { z } from 'zod';
import { functionSchema } from './function.ts';

/** Query of ListFunctions. `tags` is sent as one JSON value: `[{"Key":"env","Value":"prod"}]`. */
export const listFunctionsQuerySchema = z.object({
  prefix: z.string().max(128).optional(),
  limit: z.number().int().min(1).max(100).optional(),
  nextToken: z.string().max(4096).optional(),
  fcVersion: z.enum(['v3', 'v2']).optional(),
  runtime: z.string().max(64).optional(),
  gpuType: z.string().max(64).optional(),
  description: z.string().max(256).optional(),
  functionName: z.string().max(128).optional(),
  resourceGroupId: z.string().max(128).optional(),
  tags: z
    .array(z.object({ Key: z.string().min(1), Value: z.string().optional() }))
    .max(20)
    .optional(),
});

/** Query of ListFunctions. */
export type ListFunctionsQuery = z.infer<typeof listFunctionsQuerySchema>;

/** Body of a ListFunctions answer; `nextToken` is empty or absent on the last page. */
export const listFunctionsOutputSchema = z.looseObject({
  functions: z
    .array(functionSchema)
    .nullish()
    .transform((list) => list ?? []),
  nextToken: z.string().nullish(),
});

/** Body of a ListFunctions answer. */
export type ListFunctionsOutput = z.infer<typeof listFunctionsOutputSchema>;
