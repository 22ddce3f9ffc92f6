import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';

@WebSocketGateway({ cors: { origin: '*' } })
export class LiveGateway implements OnGatewayConnection {
  @WebSocketServer() server!: Server;

  handleConnection(client: Socket) {
    if (client.handshake.auth.role === 'agent') void client.join('agents');
  }

  @SubscribeMessage('ticket:claim')
  claim(@MessageBody() body: { ticketId: string }, @ConnectedSocket() client: Socket) {
    client.to('agents').emit('ticket:claimed', { ticketId: body.ticketId, by: client.id });
    return { event: 'ticket:claim:ok', data: body.ticketId };
  }

  notifyEscalation(ticketId: string) {
    this.server.to('agents').emit('ticket:escalated', { ticketId });
  }
}
