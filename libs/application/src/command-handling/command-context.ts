/** Who asks, and under which command identity; becomes the events' metadata. */
export interface CommandContext {
  actor: string;
  role: string;
  /** Makes the command idempotent: a repeat appends nothing and answers as the first did. */
  commandId: string | null;
  correlationId: string;
}

export const SYSTEM_CONTEXT: CommandContext = {
  actor: 'system',
  role: 'ADMIN',
  commandId: null,
  correlationId: 'system',
};
