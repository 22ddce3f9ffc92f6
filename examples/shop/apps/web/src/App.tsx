import { Cart } from './components/Cart';
import { NotificationBell } from './components/NotificationBell';
import { Orders } from './components/Orders';
import { SupportChat } from './realtime/SupportChat';

export function App({ customerId, email }: { customerId: string; email: string }) {
  return (
    <main>
      <header>
        <h1>Shop</h1>
        <NotificationBell />
      </header>
      <Cart customerId={customerId} email={email} />
      <Orders customerId={customerId} />
      <SupportChat userId={customerId} />
    </main>
  );
}
