import { z } from 'zod';

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const operatorSchema = z.object({ name: z.string().min(1).max(80), role: roleSchema });
export type Operator = z.infer<typeof operatorSchema>;
