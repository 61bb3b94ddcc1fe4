/**
 * What a field holds about a person (the vocabulary of `person-fields.ts`):
 * - `id`: an id of the one the object it sits in is about (Entra object id, Teams user id, a guest's roster id);
 * - `actor`: the id of someone who did something recorded there (created, changed, approved it);
 * - `name`: the name of the one the object is about, written by the bot from Teams or the roster;
 * - `mention`: a name written alone by the bot (an earlier owner, a name in drafted minutes);
 * - `email`;
 * - `typed`: text people typed (agenda, decisions, notes, tasks, imported minutes): kept by an erasure, read for
 *   their name by an export;
 * - `none`: nothing about a person.
 */
export type Holds = 'id' | 'actor' | 'name' | 'mention' | 'email' | 'typed' | 'none';

type Primitive = string | number | boolean;
type AllKeys<T> = T extends unknown ? keyof T : never;
type ValueAt<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/**
 * A document's shape with every field's `Holds`: keyed by the type itself, so a field added to a stored type does
 * not compile until it is declared here. An object or list of objects is declared field by field, or whole
 * (`none`, `typed`); a list of strings by what each string holds.
 */
export type Shape<T> = { [K in AllKeys<T>]-?: FieldShape<NonNullable<ValueAt<T, K>>> };
type FieldShape<V> = [V] extends [Primitive]
  ? Holds
  : [V] extends [readonly (infer E)[]]
    ? [E] extends [Primitive]
      ? Holds
      : readonly [Shape<E>] | 'none' | 'typed'
    : Shape<V> | 'none' | 'typed';

/** The shape of a field, as the walk reads it. */
export type AnyShape = Holds | readonly [AnyShape] | { readonly [field: string]: AnyShape };

/** A stored document of type `K`: the domain object with its id and type. */
export type Stored<T, K extends string> = T & { id: string; type: K };
