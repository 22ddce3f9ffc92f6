import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { WebClient } from '@slack/web-api';

const s3 = new S3Client({});
const slack = new WebClient(process.env.SLACK_TOKEN);

export async function archiveReport(name: string, body: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: `${name}.csv`, Body: body }));
  await slack.chat.postMessage({ channel: '#reports', text: `archived ${name}` });
}
