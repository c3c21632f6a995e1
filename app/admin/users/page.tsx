import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { roleLabels } from '@/components/admin/role-checkboxes';
import { Badge } from '@/components/ui/badge';
import { UserRowActions } from '@/components/admin/user-row-actions';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listUsers } from '@/lib/data/users/list-users';
import { cursorPage } from '@/lib/validation/paging';

/** Users on a page, newest first; "Older users" goes on from the last one shown. */
const PAGE_SIZE = 100;

type Props = { searchParams: Promise<{ after?: string | string[] }> };

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: Props) {
  const actor = await requirePageActor('/admin/users', 'manageUsers');
  const { after } = await searchParams;
  const { query, paged } = cursorPage(after, PAGE_SIZE);
  const users = await listUsers(actor, query);
  return (
    <>
      <h1>Users</h1>
      {paged && (
        <p>
          <Link href="/admin/users">Newest users</Link>
        </p>
      )}
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Users of this newsroom</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.roles.map((r) => roleLabels[r]).join(', ')}</td>
                <td>{u.disabled ? <Badge tone="warning">Disabled</Badge> : 'Active'}</td>
                <td>
                  <UserRowActions user={u} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {users.nextCursor && (
        <p>
          <Link href={`/admin/users?after=${encodeURIComponent(users.nextCursor)}`} rel="next">
            Older users →
          </Link>
        </p>
      )}
      <h2>Add a user</h2>
      <CreateUserForm />
    </>
  );
}
