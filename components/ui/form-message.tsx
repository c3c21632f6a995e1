/** The form-level outcome: an alert for errors (announced at once), a status for success. */
export function FormMessage({ status, message }: { status: 'idle' | 'ok' | 'error'; message?: string }) {
  if (!message || status === 'idle') return null;
  return status === 'error' ? (
    <p role="alert" className="form-error">
      {message}
    </p>
  ) : (
    <p role="status" className="form-ok">
      {message}
    </p>
  );
}
