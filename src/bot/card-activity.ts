import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render-template';

export const cardActivity = (card: AdaptiveCardJson): Partial<Activity> =>
  MessageFactory.attachment(CardFactory.adaptiveCard(card));
