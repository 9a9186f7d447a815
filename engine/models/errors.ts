// The ORM's exceptions, with Django's names. Each model class gets its own DoesNotExist and
// MultipleObjectsReturned subclasses (models/model.ts), so `catch (e) { if (e instanceof
// Author.DoesNotExist) ... }` works as in Django, and the generic ones catch every model's.

export class FieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldError';
  }
}

export class ObjectDoesNotExist extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name || 'DoesNotExist';
  }
}

export class MultipleObjectsReturned extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name || 'MultipleObjectsReturned';
  }
}

/** Raised by fullClean(): messages per field name ('__all__' for the whole object). */
export class ValidationError extends Error {
  readonly messageDict: Record<string, string[]>;

  constructor(messages: string | Record<string, string[]>) {
    const dict = typeof messages === 'string' ? { __all__: [messages] } : messages;
    super(
      Object.entries(dict)
        .map(([field, list]) => `${field}: ${list.join(' ')}`)
        .join('; '),
    );
    this.name = 'ValidationError';
    this.messageDict = dict;
  }
}

/** A delete was refused because PROTECT rows point at the objects (Django's ProtectedError). */
export class ProtectedError extends Error {
  constructor(
    message: string,
    readonly protectedObjects: unknown[],
  ) {
    super(message);
    this.name = 'ProtectedError';
  }
}

/** A delete was refused because RESTRICT rows point at the objects and are not deleted too. */
export class RestrictedError extends Error {
  constructor(
    message: string,
    readonly restrictedObjects: unknown[],
  ) {
    super(message);
    this.name = 'RestrictedError';
  }
}

/** A lookup that can match nothing (`in: []`): the query is not sent at all. */
export class EmptyResultSet extends Error {}
