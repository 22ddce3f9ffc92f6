import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntegrationEvent } from '../outbox/integration-event.entity';

@Injectable()
export class ProfilesService {
  constructor(private readonly dataSource: DataSource) {}

  async rename(userId: string, displayName: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE profiles SET display_name = $1 WHERE user_id = $2', [displayName, userId]);
      await manager.getRepository(IntegrationEvent).insert({ channel: `profiles:${userId}`, payload: { displayName } });
    });
  }

  async pendingCount(): Promise<number> {
    return this.dataSource.getRepository(IntegrationEvent).count({ where: { status: 'pending' } });
  }
}
