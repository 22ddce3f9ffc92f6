import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Repository } from 'typeorm';
import { QUEUES, USER_EVENTS } from '../common/queues';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectQueue(QUEUES.mail) private readonly mailQueue: Queue,
    @InjectQueue(QUEUES.avatars) private readonly avatarQueue: Queue,
    private readonly events: EventEmitter2,
  ) {}

  async register(email: string): Promise<User> {
    const user = await this.users.save(this.users.create({ email }));
    await this.mailQueue.add('welcome', { userId: user.id, email });
    this.events.emit(USER_EVENTS.registered, { userId: user.id });
    return user;
  }

  async uploadAvatar(userId: string, key: string): Promise<void> {
    await this.avatarQueue.add('resize', { userId, key }, { attempts: 5 });
  }

  async remove(userId: string): Promise<void> {
    await this.users.delete(userId);
    await this.events.emitAsync(USER_EVENTS.deleted, { userId });
  }
}
