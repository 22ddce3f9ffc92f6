import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsResponse,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';

export const INCIDENT_ROOM = (id: string) => `incident:${id}`;

@WebSocketGateway({ namespace: '/live', cors: { origin: '*' } })
export class LiveGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() server!: Server;

  handleConnection(client: Socket) {
    client.emit('hello', { serverTime: Date.now() });
  }

  handleDisconnect(client: Socket) {
    console.log('operator left', client.id);
  }

  @SubscribeMessage('incident:watch')
  async watch(@ConnectedSocket() client: Socket, @MessageBody() incidentId: string) {
    await client.join(INCIDENT_ROOM(incidentId));
    return { event: 'incident:watching', data: incidentId } satisfies WsResponse<string>;
  }

  @SubscribeMessage('incident:note')
  note(@ConnectedSocket() client: Socket, @MessageBody() body: { incidentId: string; text: string }) {
    client.to(INCIDENT_ROOM(body.incidentId)).emit('incident:note', body);
  }

  notifyResolved(incidentId: string) {
    this.server.to(INCIDENT_ROOM(incidentId)).emit('incident:resolved', { incidentId });
  }
}
