// Personal text that was erased (its person forgotten, or one rating's evidence redacted) says so,
// instead of reading as if none had been given; screen readers hear why, the others see it on hover.
const explanations = {
  evidence: 'This evidence was erased to protect personal data; the rating’s level stays.',
  label: 'This label was erased: the person was forgotten at their request.',
} as const;

export function ErasedText({ what }: { what: keyof typeof explanations }) {
  return (
    <span class="erased" data-erased={what} title={explanations[what]}>
      Erased
      <span class="visually-hidden"> ({explanations[what]})</span>
    </span>
  );
}
