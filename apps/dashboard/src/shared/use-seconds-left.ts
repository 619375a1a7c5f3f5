// A limit's "retry in 41 s" counts down on the page, so the user sees when the same request will
// pass instead of a number that was only true when the refusal came.
import { useEffect, useState } from 'preact/hooks';

/** Whole seconds left of `seconds` (counted from when it was given), down to 0; null stays null. */
export function useSecondsLeft(seconds: number | null): number | null {
  const [left, setLeft] = useState(seconds === null ? null : Math.ceil(seconds));
  useEffect(() => {
    if (seconds === null) {
      setLeft(null);
      return undefined;
    }
    const endsAt = Date.now() + seconds * 1000;
    const tick = () => {
      const remaining = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    };
    const timer = setInterval(tick, 250);
    tick();
    return () => {
      clearInterval(timer);
    };
  }, [seconds]);
  return left;
}
