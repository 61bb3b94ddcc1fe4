import { Template } from 'adaptivecards-templating';

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

/** Expands an adaptivecards-templating template with a view object. Values are data, never template code. */
export function renderTemplate(template: object, view: object): AdaptiveCardJson {
  return new Template(template).expand({ $root: view }) as AdaptiveCardJson;
}
