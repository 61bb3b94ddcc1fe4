import { Template } from 'adaptivecards-templating';

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

/** Expansions kept per template: enough for the views of one busy meeting (a storm of answers). */
const CACHED_PER_TEMPLATE = 64;
const expansions = new WeakMap<object, Map<string, AdaptiveCardJson>>();

/**
 * Expands an adaptivecards-templating template with a view object. Values are data, never template code.
 * Expansion parses every `${...}` expression each time (most of an answer's CPU in an answer storm), and it is a
 * pure function of the template and the view, so the latest expansions are kept, keyed by the view's JSON; callers
 * get their own copy.
 */
export function renderTemplate(template: object, view: object): AdaptiveCardJson {
  let cache = expansions.get(template);
  if (!cache) {
    cache = new Map();
    expansions.set(template, cache);
  }
  const key = JSON.stringify(view);
  let card = cache.get(key);
  if (card) cache.delete(key);
  else card = new Template(template).expand({ $root: view }) as AdaptiveCardJson;
  cache.set(key, card);
  if (cache.size > CACHED_PER_TEMPLATE) cache.delete(cache.keys().next().value as string);
  return structuredClone(card);
}
