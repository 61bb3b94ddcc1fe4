import type { TurnContext } from 'botbuilder';
import type { PersonRef } from '../domain/network';

/** Who pressed or typed, by Entra object id: the only identity permissions are checked against. */
export function actorOf(context: TurnContext): PersonRef | undefined {
  const { from } = context.activity;
  return from?.aadObjectId ? { aadObjectId: from.aadObjectId, name: from.name ?? '' } : undefined;
}
