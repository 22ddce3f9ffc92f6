import { json, type ActionFunctionArgs } from '@remix-run/node';
import { db, messages } from '~/lib/db.server';
import { inboxEvents, MESSAGE_RECEIVED } from '~/lib/inbox.server';

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const [row] = await db
    .insert(messages)
    .values({ to: String(form.get('to')), body: String(form.get('body')) })
    .returning();
  inboxEvents.emit(MESSAGE_RECEIVED, row);
  return json(row, { status: 201 });
}
