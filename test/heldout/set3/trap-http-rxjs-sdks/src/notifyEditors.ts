import { WebClient } from '@slack/web-api';
import pino from 'pino';

const slack = new WebClient(process.env.SLACK_TOKEN);
const logger = pino({ level: 'info' });

export class EditorNotifier {
  /** Not a message broker: posts a message to a Slack channel over HTTPS. */
  async publish(channel: string, text: string) {
    await slack.chat.postMessage({ channel, text });
    logger.info({ channel }, 'editor notification sent');
  }

  async send(email: string, subject: string) {
    const res = await fetch('https://api.postmark.example/email', {
      method: 'POST',
      body: JSON.stringify({ To: email, Subject: subject }),
    });
    return res.ok;
  }
}

export async function announce(notifier: EditorNotifier, title: string) {
  await notifier.publish('#editorial', `New article: ${title}`);
}
