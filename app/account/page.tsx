import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { CreateTokenForm } from '@/components/account/create-token-form';
import { LocalTime } from '@/components/ui/local-time';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listTokens } from '@/lib/data/users/list-tokens';
import { RevokeTokenButton } from '@/components/account/revoke-token-button';

export const metadata: Metadata = { title: 'Your account' };

const when = (iso: string | null) => (iso ? <LocalTime iso={iso} /> : 'never');

export default async function AccountPage() {
  const actor = await requirePageActor('/account');
  const tokens = await listTokens(actor);
  return (
    <>
      <h1>Your account</h1>
      <p>
        {actor.name} · {actor.email} · roles: {actor.roles.map((r) => r.toLowerCase()).join(', ')}
      </p>

      <h2 id="password-heading">Change password</h2>
      <p>Changing your password signs you out everywhere.</p>
      <ChangePasswordForm />

      <h2>API tokens</h2>
      <p>
        A token acts with your roles on every <code>/api/v1</code> route: send it as{' '}
        <code>Authorization: Bearer …</code>. See the <a href="/docs/api">API documentation</a>.
      </p>
      {tokens.items.length === 0 ? (
        <p>You have no API tokens.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.items.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{when(t.createdAt)}</td>
                <td>{when(t.lastUsedAt)}</td>
                <td>
                  <RevokeTokenButton id={t.id} name={t.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Create a token</h3>
      <CreateTokenForm />
    </>
  );
}
