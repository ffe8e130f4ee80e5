// Accounts as plain data, and the registration event each new account records for the outbox.
import type { EventOf, Role } from '@commercex/contracts';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  createdAt: string;
}

/** What the API shows of an account: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export interface PendingEvent {
  eventId: string;
  topic: 'users.registered';
  data: EventOf<'users.registered'>;
}

/** Emails compare case-insensitively and without surrounding blanks, so one person cannot hold two accounts. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function viewOf(user: User): UserView {
  return { id: user.id, email: user.email, name: user.name, roles: [...user.roles] };
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  roles?: Role[];
  now: Date;
  eventId: string;
}

export function registerUser(input: NewUser): { user: User; event: PendingEvent } {
  const user: User = {
    id: input.id,
    email: normalizeEmail(input.email),
    name: input.name.trim(),
    roles: input.roles ?? ['customer'],
    createdAt: input.now.toISOString(),
  };
  const event: PendingEvent = {
    eventId: input.eventId,
    topic: 'users.registered',
    data: { schemaVersion: 1, userId: user.id, email: user.email, name: user.name },
  };
  return { user, event };
}
