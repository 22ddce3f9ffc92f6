import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { OutboxRecord } from '../entities/OutboxRecord';

export abstract class BaseRepository<T extends ObjectLiteral> {
  protected constructor(protected readonly ds: DataSource, private readonly target: EntityTarget<T>) {}

  protected async saveWithEvent(entity: T, subject: string, body: Record<string, unknown>): Promise<T> {
    return this.ds.transaction(async (em: EntityManager) => {
      const saved = await em.getRepository(this.target).save(entity);
      await em.getRepository(OutboxRecord).insert({ subject, body });
      return saved;
    });
  }
}
