// A model is checked on the page with the domain's own rules before it is sent, so an uploaded
// file's mistakes show next to their fields without a round trip; the api checks it again.
import { decideMaturityModel, initialMaturityModelState } from '@app/domain/maturity-model';
import { DomainError } from '@app/domain/shared/domain-error';
import { ApiError } from '../api/client';
import type { ModelDraft } from './models.operations';

/** Throws the first problem as the api would (BAD_USER_INPUT naming the field), else returns. */
export function checkModel(draft: ModelDraft): void {
  try {
    decideMaturityModel({ type: 'PublishMaturityModel', data: draft }, initialMaturityModelState(), {
      now: new Date(),
    });
  } catch (error) {
    if (error instanceof DomainError)
      throw new ApiError('BAD_USER_INPUT', error.message, error.field ?? null, error.code);
    throw error;
  }
}

/**
 * Reads an uploaded file into a draft. A file that is not the expected shape is refused on the
 * file field, naming the path inside it; the draft's rules are then checked by `checkModel`.
 */
export function parseModelFile(text: string): ModelDraft {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(
      'BAD_USER_INPUT',
      `file: not JSON (${error instanceof Error ? error.message : String(error)})`,
      'file',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ApiError(
      'BAD_USER_INPUT',
      'file: expected one JSON object with id, name, levels and capabilities',
      'file',
    );
  const record = value as Record<string, unknown>;
  const readText = (field: string, raw: unknown) => {
    if (typeof raw !== 'string') throw new ApiError('BAD_USER_INPUT', `file: ${field} must be text`, 'file');
    return raw;
  };
  const list = (field: string, raw: unknown) => {
    if (!Array.isArray(raw)) throw new ApiError('BAD_USER_INPUT', `file: ${field} must be a list`, 'file');
    return raw as Record<string, unknown>[];
  };
  const optionalText = (raw: unknown) => (typeof raw === 'string' ? raw : null);
  return {
    id: readText('id', record.id),
    name: readText('name', record.name),
    levels: list('levels', record.levels).map((level, index) => ({
      value: typeof level.value === 'number' ? level.value : index + 1,
      name: readText(`levels[${index}].name`, level.name),
      description: optionalText(level.description),
    })),
    capabilities: list('capabilities', record.capabilities).map((capability, index) => ({
      id: readText(`capabilities[${index}].id`, capability.id),
      name: readText(`capabilities[${index}].name`, capability.name),
      dimension: readText(`capabilities[${index}].dimension`, capability.dimension),
      weight: typeof capability.weight === 'number' ? capability.weight : null,
      descriptors: Array.isArray(capability.descriptors)
        ? capability.descriptors.map((descriptor, position) =>
            readText(`capabilities[${index}].descriptors[${position}]`, descriptor),
          )
        : null,
    })),
  };
}
