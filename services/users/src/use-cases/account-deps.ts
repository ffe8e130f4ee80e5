import type { TokenSigner } from '../auth/token-signer.js';
import type { UserRepository } from '../data-access/user-repository.js';

export interface AccountDeps {
  users: UserRepository;
  tokens: TokenSigner;
  scryptLogN: number;
  /** Asks the outbox relay to publish soon instead of at its next tick. */
  onNewEvent: () => void;
}
