import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { CHAT_EVENTS, type ChatMessage } from '../../../../shared/events';

const ROOM = 'support';
const socket = io({ path: '/chat/socket.io', autoConnect: false, withCredentials: true, transports: ['websocket'] });

export function SupportChat({ userId }: { userId: string }) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [online, setOnline] = useState<string[]>([]);
  const [draft, setDraft] = useState('');

  useEffect(() => {
    socket.auth = { userId };
    socket.connect();

    const onConnect = () => socket.emit(CHAT_EVENTS.join, ROOM);
    const onMessage = (message: ChatMessage) => setMessages((prev) => [...prev, message]);
    const onPresence = (presence: { room: string; online: string[] }) => {
      if (presence.room === ROOM) setOnline(presence.online);
    };

    socket.on('connect', onConnect);
    socket.on(CHAT_EVENTS.message, onMessage);
    socket.on(CHAT_EVENTS.presence, onPresence);
    return () => {
      socket.off('connect', onConnect);
      socket.off(CHAT_EVENTS.message, onMessage);
      socket.off(CHAT_EVENTS.presence, onPresence);
      socket.disconnect();
    };
  }, [userId]);

  return (
    <aside>
      <p>{online.length} online</p>
      <ol>
        {messages.map((m) => (
          <li key={`${m.at}-${m.userId}`}>
            <b>{m.userId}</b>: {m.text}
          </li>
        ))}
      </ol>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          socket.emit(CHAT_EVENTS.message, { room: ROOM, text: draft });
          setDraft('');
        }}
      >
        <input
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            socket.emit(CHAT_EVENTS.typing, ROOM);
          }}
        />
      </form>
    </aside>
  );
}
