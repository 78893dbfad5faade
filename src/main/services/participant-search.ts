// Participant search: exact by KPJ (11 digits) or NIK (16 digits, every membership of that person),
// otherwise ranked fuzzy search by name through the phonetic-key index (src/main/participants).
import type { z } from 'zod';
import type { participantHitSchema } from '../../shared/api/methods-participants';
import type { BackendContext } from '../context';
import { NameSearch } from '../participants/name-search';
import { participantsRepo } from './participants-repo';

type Hit = z.infer<typeof participantHitSchema>;

export function searchParticipants(ctx: BackendContext, query: string, limit: number): { hits: Hit[]; total: number } {
  const repo = participantsRepo(ctx);
  const digits = query.replace(/[\s.-]/g, '');
  if (/^\d{11}$/.test(digits)) {
    const p = repo.getByKpj(digits);
    return { hits: p ? [{ ...p, score: 1, matchedBy: 'kpj' }] : [], total: p ? 1 : 0 };
  }
  if (/^\d{16}$/.test(digits)) {
    const rows = repo.listByNik(digits);
    return { hits: rows.slice(0, limit).map((p) => ({ ...p, score: 1, matchedBy: 'nik' as const })), total: rows.length };
  }
  const names = ctx.service('participantNameSearch', () => new NameSearch(ctx.db));
  const { hits, total } = names.search(query, limit);
  const rows = repo.getMany(hits.map((h) => h.id));
  return { hits: rows.map((p, i) => ({ ...p, score: hits[i]!.score, matchedBy: 'name' as const })), total };
}
