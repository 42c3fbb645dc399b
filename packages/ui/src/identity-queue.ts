import type { Contact, VisitorFields } from './screen-types.js';

/** `identify()` calls waiting for a session: their fields merged, their promises settled together. */
export class IdentityQueue {
  #fields: VisitorFields = {};
  #waiters: ((contact: Contact | undefined) => void)[] = [];

  /** Whether fields are waiting. */
  get waiting(): boolean {
    return this.#waiters.length > 0;
  }

  /** The fields waiting, merged. */
  get fields(): VisitorFields {
    return this.#fields;
  }

  /** Adds fields; resolves with the contact once they are sent (or `undefined` when they never are). */
  add(fields: VisitorFields): Promise<Contact | undefined> {
    Object.assign(this.#fields, fields);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Empties the queue: returns what waited, and a function that settles its promises. */
  take(): [fields: VisitorFields, settle: (contact: Contact | undefined) => void] {
    const waiters = this.#waiters;
    const fields = this.#fields;
    this.#waiters = [];
    this.#fields = {};
    return [fields, (contact) => waiters.forEach((resolve) => resolve(contact))];
  }
}
