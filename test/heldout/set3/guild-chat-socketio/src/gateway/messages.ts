import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { db } from '../db/client';
import { ClientOp, GatewayEvent, channelRoom } from './events';

const SendMessage = z.object({ guildId: z.string(), channelId: z.string(), content: z.string().max(2000) });

export function registerMessageHandlers(io: Server, socket: Socket) {
  socket.on(ClientOp.SendMessage, async (raw, ack) => {
    const input = SendMessage.safeParse(raw);
    if (!input.success) return ack?.({ ok: false });
    const message = await db.message.create({
      data: { ...input.data, authorId: socket.data.userId },
    });
    io.to(channelRoom(input.data.guildId, input.data.channelId))
      .emit(GatewayEvent.MessageCreate, message);
    ack?.({ ok: true, id: message.id });
  });

  socket.on(ClientOp.DeleteMessage, async ({ id }: { id: string }) => {
    const deleted = await db.message.delete({ where: { id } });
    io
      .to(channelRoom(deleted.guildId, deleted.channelId))
      .emit(GatewayEvent.MessageDelete, { id });
  });

  socket.on(ClientOp.Typing, ({ guildId, channelId }) => {
    socket.to(channelRoom(guildId, channelId)).emit(GatewayEvent.TypingStart, {
      userId: socket.data.userId,
      at: Date.now(),
    });
  });
}
