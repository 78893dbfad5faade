// Participant search: exact by KPJ (11 digits) or NIK (16 digits), otherwise by name.
import type { z } from 'zod';
import type { participantHitSchema } from '../../shared/api/methods-participants';
import type { BackendContext } from '../context';
import { participantsRepo } from './participants-repo';

type Hit = z.infer<typeof participantHitSchema>;

export function searchParticipants(ctx: BackendContext, query: string, limit: number): { hits: Hit[]; total: number } {
  const repo = ctx.service('participantsRepo', () => participantsRepo(ctx.db));
  const digits = query.replace(/[\s.-]/g, '');
  if (/^\d{11}$/.test(digits)) {
    const p = repo.getByKpj(digits);
    return { hits: p ? [{ ...p, score: 1, matchedBy: 'kpj' }] : [], total: p ? 1 : 0 };
  }
  if (/^\d{16}$/.test(digits)) {
    const rows = repo.listByNik(digits);
    return { hits: rows.map((p) => ({ ...p, score: 1, matchedBy: 'nik' as const })), total: rows.length };
  }
  const ids = ctx.db
    .prepare(`SELECT id FROM participants WHERE nama LIKE ? ESCAPE '\\' ORDER BY nama LIMIT ?`)
    .pluck()
    .all(`%${query.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit) as number[];
  const hits = repo.getMany(ids).map((p) => ({ ...p, score: 0.5, matchedBy: 'name' as const }));
  return { hits, total: hits.length };
}
