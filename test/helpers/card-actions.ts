/** A card's actions, as a test presses or follows them. */
export type CardAction = {
  type?: string;
  title?: string;
  url?: string;
  verb?: string;
  data?: Record<string, string>;
};

export const actionsOf = (card: unknown): CardAction[] => (card as { actions?: CardAction[] }).actions ?? [];
/** The data of the card's button with this verb (what pressing it sends). */
export const dataOf = (card: unknown, verb: string): Record<string, string> =>
  actionsOf(card).find((a) => a.verb === verb)?.data ?? {};
/** The address of the card's link with this title. */
export const linkOf = (card: unknown, title: string): string =>
  actionsOf(card).find((a) => a.title === title)?.url ?? '';
