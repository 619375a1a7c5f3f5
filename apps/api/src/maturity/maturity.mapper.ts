import type { MaturityView as MaturityViewResult } from '@app/application';
import type { MaturityView } from './maturity-view.model';

// The application's view has the GraphQL shape already; this names the one place they meet.
export const toMaturityView = (view: MaturityViewResult): MaturityView => view;
