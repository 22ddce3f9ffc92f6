import { useNotifications } from '../realtime/useNotifications';

export function NotificationBell() {
  const notifications = useNotifications();
  return (
    <details>
      <summary>🔔 {notifications.length}</summary>
      <ul>
        {notifications.map((n) => (
          <li key={n.id}>{n.text}</li>
        ))}
      </ul>
    </details>
  );
}
