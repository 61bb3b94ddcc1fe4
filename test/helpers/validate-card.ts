import type * as AdaptiveCards from 'adaptivecards';

// The package's lib/ build is extensionless ESM that Node cannot load; its dist/ UMD bundle has the same API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/**
 * Parses a card with the Adaptive Cards SDK (the renderer Teams and the Playground use) and returns every
 * warning from parsing and validation: unknown element types, bad properties, missing required values.
 */
export function cardProblems(json: object): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
