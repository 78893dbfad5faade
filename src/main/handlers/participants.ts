import { AppError } from '../../shared/api/result';
import type { participantsMethods } from '../../shared/api/methods-participants';
import { searchParticipants } from '../services/participant-search';
import { participantsRepo } from '../services/participants-repo';
import type { HandlerMap } from './types';

export const participantsHandlers: HandlerMap<keyof typeof participantsMethods> = {
  'participants.search': (input, ctx) => searchParticipants(ctx, input.query, input.limit),
  'participants.get': (input, ctx) => {
    const repo = participantsRepo(ctx);
    const participant = repo.get(input.id);
    if (!participant) throw new AppError('not_found', `Participant ${input.id} not found`, { id: input.id });
    const memberships = repo.listByNik(participant.nik).filter((p) => p.id !== participant.id);
    return { participant, memberships };
  },
};
