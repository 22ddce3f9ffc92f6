import { NextResponse } from 'next/server';
import { redis, BUILD_EVENTS } from '@/lib/redis';
import { db } from '@/lib/db';

export async function POST(request: Request) {
  const body = (await request.json()) as { repo: string; ref: string };
  const { id } = await db.build.create({ data: { repo: body.repo, ref: body.ref, status: 'queued' } });
  await redis.publish(BUILD_EVENTS, JSON.stringify({ id, status: 'queued' }));
  return NextResponse.json({ id }, { status: 201 });
}

export async function GET() {
  const cached = await redis.get('builds:count');
  return NextResponse.json({ count: Number(cached ?? 0) });
}
