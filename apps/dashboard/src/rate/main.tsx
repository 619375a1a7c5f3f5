// The rater's page: its own entry, so nothing of the office's dashboard is in what a rater loads.
// The link's token stays in the address (a reload or a later visit opens the same questionnaire);
// another link pasted into the tab changes only the fragment, and its questionnaire replaces this one.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { tokenInFragment } from '../shared/address-token';
import { usePastedToken } from '../shared/use-pasted-token';
import { QuestionnairePage } from './questionnaire-page';
import '../styles.css';
import './rate.css';

const tokenOfAddress = (): string | null => tokenInFragment(window.location.hash);

function RaterPage() {
  const [token, setToken] = useState(tokenOfAddress);
  usePastedToken(tokenOfAddress, (pasted) => {
    setToken(pasted);
    window.scrollTo(0, 0);
  });
  return <QuestionnairePage token={token} />;
}

const root = document.getElementById('app');
if (root) render(<RaterPage />, root);
