import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { COMMANDS, parseCommand, type CommandName, type ParsedCommand } from '../domain/commands';
import type { Language } from '../domain/language';

export interface CommandInput {
  args: string;
  /** The language the command word was typed in; the reply language is decided by turnLanguage. */
  typedIn: Language;
  /** People @mentioned in the message, in order, the bot itself left out; their `<at>` text is not in `args`. */
  mentions: { userId: string; name: string }[];
  /** The day typed in `möte <dag> <kommando>`, naming the meeting the command is about; read by the feature. */
  meetingDate?: string;
}

/** Teams' mention entities other than the bot's own. */
function mentionsOf(context: TurnContext): CommandInput['mentions'] {
  const botId = context.activity.recipient?.id;
  return (context.activity.entities ?? []).flatMap((entity) => {
    const mentioned = (entity as { mentioned?: { id?: unknown; name?: unknown } }).mentioned;
    if (entity.type !== 'mention' || typeof mentioned?.id !== 'string' || mentioned.id === botId) return [];
    return [{ userId: mentioned.id, name: typeof mentioned.name === 'string' ? mentioned.name : '' }];
  });
}

export type CommandHandler = (context: TurnContext, input: CommandInput) => Promise<void>;
export type FallbackHandler = (
  context: TurnContext,
  parsed: Exclude<ParsedCommand, { kind: 'command' }>,
) => Promise<void>;

/**
 * One message route for all text commands: parse once (mention already stripped by the Application),
 * dispatch by name, and hand everything unrecognised to the fallback so no message goes unanswered.
 */
export class CommandRouter {
  private readonly handlers = new Map<CommandName, CommandHandler>();
  private fallback?: FallbackHandler;

  on(name: CommandName, handler: CommandHandler): this {
    if (this.handlers.has(name)) throw new Error(`command ${name} registered twice`);
    this.handlers.set(name, handler);
    return this;
  }

  otherwise(handler: FallbackHandler): this {
    this.fallback = handler;
    return this;
  }

  /** Routes messages; refuses to start with a listed command that has no handler (it would fall through). */
  attach(app: Application): void {
    const missing = COMMANDS.filter(({ name }) => !this.handlers.has(name)).map(({ name }) => name);
    if (missing.length > 0) throw new Error(`commands listed without a handler: ${missing.join(', ')}`);
    app.activity(ActivityTypes.Message, async (context) => {
      const parsed = parseCommand(context.activity.text);
      const handler = parsed.kind === 'command' ? this.handlers.get(parsed.name) : undefined;
      if (parsed.kind === 'command' && handler)
        return handler(context, {
          args: parsed.args,
          typedIn: parsed.language,
          mentions: mentionsOf(context),
          ...(parsed.meetingDate ? { meetingDate: parsed.meetingDate } : {}),
        });
      if (!this.fallback) throw new Error('CommandRouter has no fallback');
      return this.fallback(
        context,
        parsed.kind === 'command' ? { kind: 'unknown', text: context.activity.text ?? '' } : parsed,
      );
    });
  }
}
