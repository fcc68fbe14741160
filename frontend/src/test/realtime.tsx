// Render helpers for components that use the realtime client: a RealtimeClient over a FakeStomp.
import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import { setBackgroundOnly, setConnectionStatus } from '../realtime/connectionStatus';
import { RealtimeClient } from '../realtime/stompClient';
import { RealtimeContext } from '../realtime/useTopic';
import { FakeStomp } from './fakeStomp';

const made: RealtimeClient[] = [];
afterEach(() => {
  for (const rt of made.splice(0)) rt.dispose();
  setConnectionStatus('idle');
  setBackgroundOnly(false);
});

/** A realtime client whose server is `fake`; statuses go to the app's connectionStatus store. */
export function fakeRealtime() {
  const fake = new FakeStomp();
  const rt = new RealtimeClient({ createClient: () => fake, onAuthRejected: () => undefined, lingerMs: 0 });
  made.push(rt);
  const wrap = (ui: ReactNode) => <RealtimeContext.Provider value={rt}>{ui}</RealtimeContext.Provider>;
  /** Wait for the connect attempt, then answer CONNECTED. */
  const connect = async () => {
    await act(async () => {
      for (let i = 0; i < 5 && !fake.socket; i++) await Promise.resolve();
    });
    act(() => fake.accept());
  };
  const deliver = (destination: string, body: unknown, headers?: Record<string, string>) =>
    act(() => void fake.deliver(destination, body, headers));
  return { fake, rt, wrap, connect, deliver };
}
