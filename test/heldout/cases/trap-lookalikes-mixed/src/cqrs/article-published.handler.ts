import { Injectable } from '@nestjs/common';
import { EventBus, EventsHandler, type IEventHandler } from '@nestjs/cqrs';

export class ArticlePublishedEvent {
  constructor(readonly articleId: string) {}
}

@EventsHandler(ArticlePublishedEvent)
export class ArticlePublishedHandler implements IEventHandler<ArticlePublishedEvent> {
  handle(event: ArticlePublishedEvent): void {
    console.log('published', event.articleId);
  }
}

@Injectable()
export class ArticlesService {
  constructor(private readonly eventBus: EventBus) {}

  publish(articleId: string): void {
    this.eventBus.publish(new ArticlePublishedEvent(articleId));
  }
}
