import nodemailer from 'nodemailer';
import type { EmailJob } from '../../../shared/events';

const transporter = nodemailer.createTransport({
  host: process.env.SMTP_HOST ?? 'localhost',
  port: Number(process.env.SMTP_PORT ?? 1025),
  secure: false,
});

const SUBJECTS_BY_TEMPLATE: Record<EmailJob['template'], string> = {
  'order-confirmation': 'Thanks for your order',
  'order-cancelled': 'Your order was cancelled',
};

export async function sendEmail(job: EmailJob): Promise<string> {
  const info = await transporter.sendMail({
    from: 'Shop <orders@shop.example>',
    to: job.to,
    subject: SUBJECTS_BY_TEMPLATE[job.template],
    text: `Order reference: ${job.orderId}`,
  });
  return info.messageId;
}
