import { useCallback, useEffect, useRef, useState } from 'react';

/** A message shown for `durationMs`, then hidden; showing another replaces it. */
export function useToast(durationMs = 3_000): [string | null, (message: string) => void] {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = useCallback(
    (m: string) => {
      clearTimeout(timer.current);
      setMessage(m);
      timer.current = setTimeout(() => setMessage(null), durationMs);
    },
    [durationMs],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return [message, show];
}

/** A small notice floating above the bottom of the screen. */
export function Toast({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="toast" role="alert" data-testid="toast">
      {message}
    </div>
  );
}
