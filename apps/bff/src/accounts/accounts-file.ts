import { isRegionId } from '@fc-fleet/fc-api';
import { z } from 'zod';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be the name of an environment variable');

/** Where an account's credentials come from. Secrets are named by environment variable, never written in the file. */
export const credentialSourceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('default') }),
  z.strictObject({ type: z.literal('access_key'), accessKeyIdEnv: envName, accessKeySecretEnv: envName }),
  z.strictObject({
    type: z.literal('sts'),
    accessKeyIdEnv: envName,
    accessKeySecretEnv: envName,
    securityTokenEnv: envName,
  }),
  z.strictObject({
    type: z.literal('ram_role_arn'),
    accessKeyIdEnv: envName,
    accessKeySecretEnv: envName,
    roleArn: z.string().startsWith('acs:ram::'),
    roleSessionName: z.string().max(64).optional(),
  }),
  z.strictObject({ type: z.literal('ecs_ram_role'), roleName: z.string().max(64).optional() }),
  z.strictObject({
    type: z.literal('oidc_role_arn'),
    roleArn: z.string().startsWith('acs:ram::'),
    oidcProviderArn: z.string().min(1),
    oidcTokenFilePath: z.string().min(1),
  }),
]);

/** A credential source. */
export type CredentialSource = z.infer<typeof credentialSourceSchema>;

/** The optional `FC_CONFIG` file: several accounts, each with an alias, a credential source and regions. */
export const accountsFileSchema = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        alias: z.string().regex(/^[\w.-]{1,40}$/, 'must be 1-40 letters, digits, dots, dashes'),
        accountId: z
          .string()
          .regex(/^\d{1,20}$/)
          .optional(),
        regions: z.array(z.string().refine(isRegionId, 'must be a region id')).min(1).max(40).optional(),
        endpoint: z.string().includes('{region}').optional(),
        credentials: credentialSourceSchema,
      }),
    )
    .min(1)
    .max(50)
    .refine((list) => new Set(list.map((a) => a.alias)).size === list.length, 'aliases must be unique'),
});
