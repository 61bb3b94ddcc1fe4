/** Time is injected everywhere it matters so tests and the scheduler can move it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
