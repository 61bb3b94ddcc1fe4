import type { Middleware, TurnContext } from 'botbuilder';
import { inTurn, type TurnWrites } from '../storage/turn-writes';

const KEY = Symbol('turnWrites');

/** Notes whether a turn wrote to Cosmos, for the error handler, which runs after the turn's own context is gone. */
export const turnWritesMiddleware: Middleware = {
  async onTurn(context, next) {
    const writes: TurnWrites = { wrote: false };
    context.turnState.set(KEY, writes);
    await inTurn(writes, next);
  },
};

export const wroteInTurn = (context: TurnContext): boolean =>
  context.turnState.get<TurnWrites | undefined>(KEY)?.wrote ?? false;
