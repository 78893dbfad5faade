import { z } from 'zod';
import { defineMethods } from './define';
import { SIGNED_IN } from './roles';
import { participantSchema } from '../domain/participant';

export const participantRowSchema = participantSchema.extend({ id: z.number().int().positive() });
export type ParticipantRow = z.infer<typeof participantRowSchema>;

export const participantHitSchema = participantRowSchema.extend({
  /** 0–1 relevance; 1 for exact KPJ or NIK hits. */
  score: z.number(),
  matchedBy: z.enum(['kpj', 'nik', 'name']),
});

export const participantsMethods = defineMethods({
  'participants.search': {
    input: z
      .object({
        query: z.string().trim().min(1).max(120),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ hits: z.array(participantHitSchema), total: z.number().int() }),
    allow: SIGNED_IN,
  },
  'participants.get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({
      participant: participantRowSchema,
      /** Other memberships (KPJ numbers) held under the same NIK. */
      memberships: z.array(participantRowSchema),
    }),
    allow: SIGNED_IN,
  },
});
