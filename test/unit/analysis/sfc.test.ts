import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncrementalAnalyzer } from '../../../src/core/analysis/index';
import { sfcScriptView } from '../../../src/core/analysis/extract/sfc';
import { analyzeTree, removeTree, summarize, writeTree } from './tree';

const PKG = JSON.stringify({ name: 'helpdesk-web', dependencies: { vue: '3.5.13', '@tanstack/vue-query': '5.62.0', 'socket.io-client': '4.8.1' } });

// Line numbers matter: the template comes first, so script lines are far from their index in the block.
const TICKET_THREAD = `<template>
  <section class="thread">
    <!-- debug: {{ socket.emit('x') }} -->
    <p v-if="false">producer.send({ topic })</p>
    <ReplyList :replies="replies" @reply="send" />
  </section>
</template>

<script setup lang="ts">
import { ref, onBeforeUnmount } from 'vue';
import { useMutation, useQueryClient } from '@tanstack/vue-query';
import { io } from 'socket.io-client';

const props = defineProps<{ ticketId: string }>();
const replies = ref<{ id: string; body: string }[]>([]);
const queryClient = useQueryClient();
const socket = io('/tickets');

socket.emit('ticket:open', { id: props.ticketId });
socket.on('ticket:reply', (reply: { id: string; body: string }) => {
  replies.value.push(reply);
});

const { mutate: send } = useMutation({
  mutationFn: (body: string) => fetch(\`/api/tickets/\${props.ticketId}/replies\`, { method: 'POST', body }),
  onMutate: async (body: string) => {
    await queryClient.cancelQueries({ queryKey: ['ticket', props.ticketId] });
    queryClient.setQueryData(['ticket', props.ticketId], (old: unknown[] = []) => [...old, { body }]);
  },
});

onBeforeUnmount(() => socket.disconnect());
</script>

<style scoped>
.thread { display: grid; }
</style>
`;

const NOTE_EDITOR = `<script context="module" lang="ts">
  export const prerender = false;
</script>

<script lang="ts">
  import { createMutation, useQueryClient } from '@tanstack/svelte-query';

  export let noteId: string;
  let draft = '';
  const client = useQueryClient();
  const save = createMutation({
    mutationFn: (text: string) => fetch(\`/api/notes/\${noteId}\`, { method: 'PUT', body: text }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notes'] }),
  });
</script>

<textarea bind:value={draft}></textarea>
<button on:click={() => $save.mutate(draft)}>Save</button>
<p>{socket.emit('note:saved')}</p>
`;

describe('Vue and Svelte components', () => {
  it('finds constructs in a Vue <script setup lang="ts"> block at the original lines and columns', async () => {
    const result = await analyzeTree({ 'package.json': PKG, 'src/components/TicketThread.vue': TICKET_THREAD });
    expect(summarize(result).sort()).toEqual(
      [
        'src/components/TicketThread.vue:17 ws.client /tickets',
        'src/components/TicketThread.vue:19 ws.emit ticket:open',
        'src/components/TicketThread.vue:20 ws.on ticket:reply',
        'src/components/TicketThread.vue:24 mutation.optimistic null',
      ].sort(),
    );
    const emit = result.detections.find((d) => d.kind === 'ws.emit');
    // Detections point at the method name: `emit` in `socket.emit(` at the start of line 19 of the file.
    expect(emit?.column).toBe(8);
  });

  it('finds createMutation in a Svelte component with a module script, and nothing from the markup', async () => {
    const result = await analyzeTree({
      'package.json': JSON.stringify({ name: 'notes', dependencies: { svelte: '4.2.19', '@tanstack/svelte-query': '5.62.0' } }),
      'src/lib/NoteEditor.svelte': NOTE_EDITOR,
    });
    expect(summarize(result)).toEqual(['src/lib/NoteEditor.svelte:11 mutation.plain null']);
    // Indented two spaces inside the block: `createMutation` starts at column 16 of the original line.
    expect(result.detections[0]?.column).toBe(16);
  });

  it('keeps every line and column of the original text and blanks everything outside <script>', () => {
    const view = sfcScriptView(TICKET_THREAD);
    expect(view.text.length).toBe(TICKET_THREAD.length);
    expect(view.text.split('\n').length).toBe(TICKET_THREAD.split('\n').length);
    expect(view.text).not.toContain('socket.emit(\'x\')');
    expect(view.text).not.toContain('producer.send');
    expect(view.text).not.toContain('<script');
    expect(view.text).not.toContain('.thread {');
    expect(view.text.split('\n')[18]).toBe("socket.emit('ticket:open', { id: props.ticketId });");
    expect(view.tsx).toBe(false);
    expect(sfcScriptView('<script lang="tsx">const a = <div />;</script>').tsx).toBe(true);
    // A commented-out block and an unterminated tag are not code.
    expect(sfcScriptView('<!-- <script>evil()</script> -->').text.trim()).toBe('');
    expect(sfcScriptView('<script lang="ts"').text.trim()).toBe('');
  });

  describe('incremental updates with editor text', () => {
    const roots: string[] = [];
    afterAll(() => roots.forEach(removeTree));

    it('re-reads a .vue buffer through the same script view', async () => {
      const root = writeTree({ 'package.json': PKG, 'src/components/TicketThread.vue': TICKET_THREAD });
      roots.push(root);
      const inc = new IncrementalAnalyzer([root]);
      await inc.initialize();
      const file = path.join(root, 'src/components/TicketThread.vue');
      // Two lines added to the template shift every script line by two.
      const edited = TICKET_THREAD.replace('<template>\n', "<template>\n  <h1>Thread</h1>\n  <p>{{ socket.on('fake', x) }}</p>\n").replace("'ticket:open'", "'ticket:join'");
      await inc.updateFile(file, edited);
      expect(summarize(inc.result(), ['ws.emit', 'ws.on', 'mutation.optimistic']).sort()).toEqual(
        [
          'src/components/TicketThread.vue:21 ws.emit ticket:join',
          'src/components/TicketThread.vue:22 ws.on ticket:reply',
          'src/components/TicketThread.vue:26 mutation.optimistic null',
        ].sort(),
      );
    });
  });
});
