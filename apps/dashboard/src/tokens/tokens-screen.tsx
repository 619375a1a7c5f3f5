// Tokens (admins): every token issued, a form to issue one (its secret shown once), and revoking
// one, which asks first: a revoked token stops working at once, for good.
import { useState } from 'preact/hooks';
import { organizationLabels } from '../organizations/organization-labels';
import { useConfirm } from '../shared/confirm-dialog';
import { ErrorNotice } from '../shared/error-notice';
import { useSubmission } from '../shared/forms/submission';
import { formatDate } from '../shared/format';
import { ScrollRegion } from '../shared/scroll-region';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';
import type { Workspace } from '../shell/workspace';
import { IssueTokenForm } from './issue-token-form';
import { apiTokensQuery, revokeApiTokenMutation, type ApiToken } from './tokens.operations';
import './tokens.css';

export function TokensScreen({ organizations }: Workspace) {
  const session = useSession();
  const confirm = useConfirm();
  const [attempt, setAttempt] = useState(0);
  const listing = useRequest(`tokens/${attempt}`, (signal) =>
    session.client.request(apiTokensQuery, {}, signal),
  );
  const reload = () => {
    setAttempt((value) => value + 1);
  };
  const revoking = useSubmission<ApiToken>(reload);
  const names = organizationLabels(organizations);
  const tokens = [...(listing.data?.apiTokens ?? [])].reverse();

  const revoke = async (token: ApiToken) => {
    const own = token.tokenId === session.viewer.tokenId;
    const lastAdmin =
      token.role === 'ADMIN' &&
      tokens.every((other) => other.tokenId === token.tokenId || other.role !== 'ADMIN' || other.revoked);
    const answer = await confirm({
      title: lastAdmin
        ? `Revoke the last admin token, ${token.label ?? token.tokenId}?`
        : `Revoke ${token.label ?? token.tokenId}?`,
      message: (
        <>
          <p>
            Every request with this token is refused from now on. Revoking cannot be undone: issue a new token
            instead.
          </p>
          {own && (
            <p>
              <strong>This is the token you are signed in with: you will be signed out.</strong>
            </p>
          )}
          {lastAdmin && (
            <p data-testid="last-admin-warning">
              <strong>It is the last admin token:</strong> no API token will be left that can issue tokens or
              change the set-up. To recover, whoever runs the server issues a new one there with{' '}
              <code>npm run cli -- token issue --role ADMIN</code>, with the same <code>DATA_DIR</code> (or{' '}
              <code>DATABASE_URL</code>) as the api; it prints the new token.
            </p>
          )}
        </>
      ),
      confirmLabel: lastAdmin ? 'Revoke the last admin token' : 'Revoke the token',
    });
    if (answer)
      revoking.run((signal) =>
        session.client
          .request(revokeApiTokenMutation, { tokenId: token.tokenId }, signal)
          .then((data) => data.revokeApiToken),
      );
  };

  return (
    <div class="screen" data-testid="tokens-screen">
      <header class="page__header">
        <div>
          <h1 class="page__title">API tokens</h1>
          <p class="page__purpose">
            Each person or system signs in with its own token: a role, and the organisations it reaches. Only
            a hash of each secret is stored.
          </p>
        </div>
      </header>
      <div class="screen__pair">
        <section class="card" aria-labelledby="tokens-title">
          <h2 id="tokens-title" class="card__title">
            Tokens
          </h2>
          {listing.error && (
            <ErrorNotice error={listing.error} action="Could not load the tokens" onRetry={reload} />
          )}
          {revoking.error && <ErrorNotice error={revoking.error} action="Could not revoke the token" />}
          <ScrollRegion label="Tokens">
            <table class="table table--cards">
              <thead>
                <tr>
                  <th scope="col">Label</th>
                  <th scope="col">Role</th>
                  <th scope="col">Reaches</th>
                  <th scope="col">Issued</th>
                  <th scope="col">
                    <span class="visually-hidden">Revoke</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.tokenId} data-token={token.tokenId} data-revoked={token.revoked}>
                    <td>
                      {token.label ?? <span class="muted">no label</span>}
                      {token.tokenId === session.viewer.tokenId && <span class="badge">you</span>}
                      <br />
                      <code class="muted">{token.tokenId}</code>
                    </td>
                    <td data-label="Role">{token.role}</td>
                    <td data-label="Reaches">
                      {token.role === 'ADMIN'
                        ? 'every organisation'
                        : token.organizationIds.map((id) => names.get(id) ?? id).join(', ')}
                    </td>
                    <td data-label="Issued">{formatDate(token.issuedAt)}</td>
                    <td class="table__action">
                      {token.revoked ? (
                        <span class="badge badge--cancelled">
                          revoked {token.revokedAt ? formatDate(token.revokedAt) : ''}
                        </span>
                      ) : (
                        <button
                          type="button"
                          class="button button--small"
                          aria-label={`Revoke ${token.label ?? token.tokenId}`}
                          disabled={revoking.running}
                          onClick={() => void revoke(token)}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
        <section class="card" aria-labelledby="issue-title">
          <h2 id="issue-title" class="card__title">
            Issue a token
          </h2>
          <IssueTokenForm organizations={organizations} onIssued={reload} />
        </section>
      </div>
    </div>
  );
}
