// What a fresh store shows: how to get something worth looking at.
export function EmptyState() {
  const origin = window.location.origin;
  return (
    <section class="card empty-state" aria-labelledby="empty-state-title" data-testid="empty-state">
      <h2 id="empty-state-title" class="card__title">
        No organisation yet
      </h2>
      <p>
        The store is empty. Load the demo organisation, <em>Interlodge</em> (a hotel whose front desk,
        housekeeping and maintenance pull in different directions), from the project folder:
      </p>
      <pre class="code-block">
        <code>npm run cli -- demo</code>
      </pre>
      <p>
        Then reload this page. If the api runs with its own data folder, give the same one to the command line
        (e.g. <code>DATA_DIR=./data npm run cli -- demo</code>).
      </p>
      <p class="muted">
        To open the dashboard signed in, use the admin token printed when the api first started (
        <code>npm start</code>):{' '}
        <code>
          {origin}/#token=<var>admin-token</var>
        </code>
      </p>
    </section>
  );
}
