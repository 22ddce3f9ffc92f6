import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';

@WebSocketGateway({ namespace: '/notifications', cors: { origin: '*' } })
export class NotificationsGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() private readonly server!: Server;
  private readonly logger = new Logger('NotificationsGateway');

  handleConnection(client: Socket) {
    const userId = String(client.handshake.query.userId ?? '');
    void client.join(`user:${userId}`);
  }

  handleDisconnect(client: Socket) {
    this.logger.debug(`bye ${client.id}`);
  }

  @SubscribeMessage('notification:read')
  markRead(@MessageBody() id: string, @ConnectedSocket() client: Socket) {
    client.emit('notification:ack', { id });
    return { event: 'notification:read', data: id };
  }

  push(userId: string, payload: unknown) {
    this.server.to(`user:${userId}`).emit('notification', payload);
  }
}
