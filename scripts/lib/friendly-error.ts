/** An error whose message is the whole story: the start command prints it as one line, no stack. */
export class FriendlyError extends Error {
  override name = 'FriendlyError';
}
