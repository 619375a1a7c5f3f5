// Copying a shown secret (a token, a sign-in link, a rater's link) to the clipboard: which one was
// copied last, so its button can say "Copied"; a refused copy says nothing was copied.
import { useState } from 'preact/hooks';

export interface Copying<Key extends string> {
  /** The key of the text copied last; null before a copy, after a refused one, or after forget(). */
  copied: Key | null;
  copy: (key: Key, text: string) => void;
  /** Forgets what was copied (new secrets are shown). */
  forget: () => void;
}

export function useCopy<Key extends string>(): Copying<Key> {
  const [copied, setCopied] = useState<Key | null>(null);
  return {
    copied,
    copy: (key, text) => {
      void navigator.clipboard.writeText(text).then(
        () => {
          setCopied(key);
        },
        () => {
          setCopied(null);
        },
      );
    },
    forget: () => {
      setCopied(null);
    },
  };
}
