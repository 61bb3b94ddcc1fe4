import { Template } from 'adaptivecards-templating';
import { LRUCache } from 'lru-cache';

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

/** Expansions kept per template: enough for the views of one busy meeting (a storm of answers). */
const CACHED_PER_TEMPLATE = 64;
const expansions = new WeakMap<object, LRUCache<string, AdaptiveCardJson>>();
/** A Template parses every `${...}` of its payload when made; made once per template, bound to each view. */
const prepared = new WeakMap<object, Template>();

/**
 * Expands an adaptivecards-templating template with a view object. Values are data, never template code.
 * Parsing the template's expressions was most of the CPU of an answer or a reminder, so each template is prepared
 * once (`expand` is synchronous, so one instance serves every caller). Expansion is a pure function of the template
 * and the view, so the latest expansions are kept too, keyed by the view's JSON (a storm of answers shows the same
 * few views); callers get their own copy.
 */
export function renderTemplate(template: object, view: object): AdaptiveCardJson {
  let cache = expansions.get(template);
  if (!cache) {
    cache = new LRUCache({ max: CACHED_PER_TEMPLATE });
    expansions.set(template, cache);
  }
  const key = JSON.stringify(view);
  let card = cache.get(key);
  if (!card) {
    let engine = prepared.get(template);
    if (!engine) {
      engine = new Template(template);
      prepared.set(template, engine);
    }
    card = engine.expand({ $root: view }) as AdaptiveCardJson;
    cache.set(key, card);
  }
  return structuredClone(card);
}
