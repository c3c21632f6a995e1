import type { Metadata } from 'next';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserRowActions } from '@/components/admin/user-row-actions';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listUsers } from '@/lib/data/users/list-users';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requirePageActor('/admin/users', 'manageUsers');
  const users = await listUsers(actor, { limit: 100 });
  return (
    <>
      <h1>Users</h1>
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
              <td>{u.roles.map((r) => r.toLowerCase()).join(', ')}</td>
              <td>{u.disabled ? 'Disabled' : 'Active'}</td>
              <td>
                <UserRowActions user={u} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a user</h2>
      <CreateUserForm />
    </>
  );
}
