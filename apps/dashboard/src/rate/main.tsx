// The rater's page: its own entry, so nothing of the office's dashboard is in what a rater loads.
import { render } from 'preact';
import { QuestionnairePage } from './questionnaire-page';
import { tokenFromLocation } from './rate-link';
import '../styles.css';
import './rate.css';

const root = document.getElementById('app');
if (root) render(<QuestionnairePage token={tokenFromLocation()} />, root);
