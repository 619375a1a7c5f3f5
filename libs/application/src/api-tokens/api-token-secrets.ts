import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isSlug } from '@app/domain';

/** The adopted or created admin token's id: one fixed stream, so concurrent first starts issue it once. */
export const ADMIN_TOKEN_ID = 'admin';

/** 32 random bytes, base64url: what the caller keeps and the store never sees. */
export const generateSecret = (): string => randomBytes(32).toString('base64url');

export const newTokenId = (): string => `token-${randomBytes(8).toString('hex')}`;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** `<tokenId>.<secret>`: the id finds the record without a scan; the secret proves possession. */
export const formatToken = (tokenId: string, secret: string): string => `${tokenId}.${secret}`;

export interface PresentedToken {
  tokenId: string;
  secret: string;
}

/** The id and secret of a `<tokenId>.<secret>` string, or null when it has another shape. */
export function parseToken(token: string): PresentedToken | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const tokenId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  return isSlug(tokenId) && secret.length > 0 ? { tokenId, secret } : null;
}

/** Constant-time comparison of two hex digests, so timing tells nothing about a stored hash. */
export function sameDigest(left: string, right: string): boolean {
  const a = Buffer.from(left, 'hex');
  const b = Buffer.from(right, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
