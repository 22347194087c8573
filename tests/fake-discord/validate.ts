/**
 * Body validation with Discord's limits and Discord-shaped `50035 Invalid Form Body` errors.
 *
 * The limits mirror discord-api-docs; the `allowed_mentions` rule is deliberately stricter than
 * Discord so a bot under test can never produce a message that would ping anyone.
 */
import { ComponentType } from 'discord-api-types/v10';

/** One leaf error as Discord reports it (`{ code: 'BASE_TYPE_MAX_LENGTH', message: '…' }`). */
export interface FieldError {
  code: string;
  message: string;
}

/** Discord's nested error object: keys are field names or array indexes, leaves hold `_errors`. */
export interface ErrorTree {
  _errors?: FieldError[];
  [key: string]: ErrorTree | FieldError[] | undefined;
}

/** JSON body of a Discord error response. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: ErrorTree;
}

/** Collects errors at dotted paths and renders them as Discord's nested tree. */
export class ErrorCollector {
  readonly tree: ErrorTree = {};
  count = 0;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const k = String(key);
      const next = node[k];
      if (next === undefined || Array.isArray(next)) {
        const created: ErrorTree = {};
        node[k] = created;
        node = created;
      } else {
        node = next;
      }
    }
    (node._errors ??= []).push({ code, message });
    this.count += 1;
  }

  maxLength(path: readonly (string | number)[], value: unknown, max: number): void {
    if (typeof value === 'string' && [...value].length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }

  lengthBetween(path: readonly (string | number)[], value: unknown, min: number, max: number): void {
    const length = typeof value === 'string' ? [...value].length : String(value ?? '').length;
    if (length < min || length > max) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    }
  }

  maxItems(path: readonly (string | number)[], value: unknown, max: number): void {
    if (Array.isArray(value) && value.length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }

  result(): ErrorTree | null {
    return this.count === 0 ? null : this.tree;
  }
}

/** Builds the `{ code: 50035, message: 'Invalid Form Body', errors }` body. */
export function invalidFormBody(errors: ErrorTree): DiscordErrorBody {
  return { code: 50035, message: 'Invalid Form Body', errors };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strLen(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

/** Options for {@link validateMessageBody}. */
export interface MessageValidationOptions {
  /** Reject bodies whose `allowed_mentions.parse` is not an empty array (stricter than Discord). */
  requireSilentMentions: boolean;
  /** Prefix for error paths, e.g. `['data']` for interaction callbacks. */
  path?: readonly (string | number)[];
}

/**
 * Validates a message create/edit body (content, embeds, components, allowed_mentions).
 *
 * @returns the error tree, or null when the body is acceptable
 */
export function validateMessageBody(body: unknown, options: MessageValidationOptions): ErrorTree | null {
  const errors = new ErrorCollector();
  checkMessageBody(errors, body, options.path ?? [], options.requireSilentMentions);
  return errors.result();
}

/** Same as {@link validateMessageBody} but writes into an existing collector. */
export function checkMessageBody(
  errors: ErrorCollector,
  body: unknown,
  path: readonly (string | number)[],
  requireSilentMentions: boolean,
): void {
  if (!isRecord(body)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  errors.maxLength([...path, 'content'], body.content, 2000);

  if (requireSilentMentions) {
    const mentions = body.allowed_mentions;
    const silent =
      isRecord(mentions) &&
      Array.isArray(mentions.parse) &&
      mentions.parse.length === 0 &&
      // users/roles lists would still ping the listed ids.
      (mentions.users === undefined || (Array.isArray(mentions.users) && mentions.users.length === 0)) &&
      (mentions.roles === undefined || (Array.isArray(mentions.roles) && mentions.roles.length === 0)) &&
      mentions.replied_user !== true;
    if (!silent) {
      errors.add(
        [...path, 'allowed_mentions'],
        'FAKE_DISCORD_MENTIONS_NOT_SILENCED',
        'fake-discord requires allowed_mentions: { parse: [] } on every message so the bot can never ping.',
      );
    }
  }

  if (body.embeds !== undefined && body.embeds !== null)
    checkEmbeds(errors, body.embeds, [...path, 'embeds']);
  if (body.components !== undefined && body.components !== null) {
    checkComponents(errors, body.components, [...path, 'components']);
  }
}

function checkEmbeds(errors: ErrorCollector, embeds: unknown, path: readonly (string | number)[]): void {
  if (!Array.isArray(embeds)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  errors.maxItems(path, embeds, 10);
  let total = 0;
  embeds.forEach((embed: unknown, i) => {
    if (!isRecord(embed)) return;
    const p = [...path, i];
    errors.maxLength([...p, 'title'], embed.title, 256);
    errors.maxLength([...p, 'description'], embed.description, 4096);
    total += strLen(embed.title) + strLen(embed.description);
    if (isRecord(embed.footer)) {
      errors.maxLength([...p, 'footer', 'text'], embed.footer.text, 2048);
      total += strLen(embed.footer.text);
    }
    if (isRecord(embed.author)) {
      errors.maxLength([...p, 'author', 'name'], embed.author.name, 256);
      total += strLen(embed.author.name);
    }
    if (Array.isArray(embed.fields)) {
      errors.maxItems([...p, 'fields'], embed.fields, 25);
      embed.fields.forEach((field: unknown, j) => {
        if (!isRecord(field)) return;
        const fp = [...p, 'fields', j];
        // Discord also rejects empty names/values.
        errors.lengthBetween([...fp, 'name'], field.name, 1, 256);
        errors.lengthBetween([...fp, 'value'], field.value, 1, 1024);
        total += strLen(field.name) + strLen(field.value);
      });
    }
  });
  if (total > 6000) errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

function checkComponents(errors: ErrorCollector, rows: unknown, path: readonly (string | number)[]): void {
  if (!Array.isArray(rows)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  errors.maxItems(path, rows, 5);
  rows.forEach((row: unknown, i) => {
    if (!isRecord(row)) return;
    const rp = [...path, i];
    if (row.type !== ComponentType.ActionRow) return; // Components v2 layouts are out of scope here.
    const children = Array.isArray(row.components) ? row.components : [];
    errors.maxItems([...rp, 'components'], children, 5);
    children.forEach((child: unknown, j) => {
      if (!isRecord(child)) return;
      const cp = [...rp, 'components', j];
      errors.maxLength([...cp, 'custom_id'], child.custom_id, 100);
      if (child.type === ComponentType.Button) errors.maxLength([...cp, 'label'], child.label, 80);
      if (Array.isArray(child.options)) errors.maxItems([...cp, 'options'], child.options, 25);
      errors.maxLength([...cp, 'placeholder'], child.placeholder, 150);
    });
  });
}

/** Validates an autocomplete result (`{ choices }`): at most 25, name and value 1–100 chars. */
export function validateAutocompleteBody(
  body: unknown,
  path: readonly (string | number)[] = ['data'],
): ErrorTree | null {
  const errors = new ErrorCollector();
  const choices = isRecord(body) ? body.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.add([...path, 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return errors.result();
  }
  errors.maxItems([...path, 'choices'], choices, 25);
  choices.forEach((choice: unknown, i) => {
    const cp = [...path, 'choices', i];
    if (!isRecord(choice)) {
      errors.add(cp, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    errors.lengthBetween([...cp, 'name'], choice.name, 1, 100);
    if (typeof choice.value === 'string') errors.lengthBetween([...cp, 'value'], choice.value, 1, 100);
  });
  return errors.result();
}

/** Validates a modal body: custom_id ≤ 100, title 1–45, 1–5 components. */
export function validateModalBody(
  body: unknown,
  path: readonly (string | number)[] = ['data'],
): ErrorTree | null {
  const errors = new ErrorCollector();
  if (!isRecord(body)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return errors.result();
  }
  errors.lengthBetween([...path, 'custom_id'], body.custom_id, 1, 100);
  errors.lengthBetween([...path, 'title'], body.title, 1, 45);
  if (!Array.isArray(body.components) || body.components.length === 0) {
    errors.add([...path, 'components'], 'BASE_TYPE_REQUIRED', 'This field is required');
  } else {
    errors.maxItems([...path, 'components'], body.components, 5);
  }
  return errors.result();
}

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * Validates a bulk-overwrite command list: ≤ 100 commands, unique names, chat-input names 1–32
 * lowercase, descriptions 1–100, ≤ 25 options (recursively), option names/descriptions likewise.
 */
export function validateCommandList(body: unknown): ErrorTree | null {
  const errors = new ErrorCollector();
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return errors.result();
  }
  errors.maxItems([], body, 100);
  const seen = new Set<string>();
  body.forEach((command: unknown, i) => {
    checkCommand(errors, command, [i]);
    if (isRecord(command)) {
      const key = `${String(command.type ?? 1)}:${String(command.name)}`;
      if (seen.has(key))
        errors.add(
          [i, 'name'],
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          'Application command names must be unique',
        );
      seen.add(key);
    }
  });
  return errors.result();
}

/** Validates one command create body. */
export function checkCommand(
  errors: ErrorCollector,
  command: unknown,
  path: readonly (string | number)[],
): void {
  if (!isRecord(command)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  const type = command.type ?? 1;
  if (type === 1) {
    if (
      typeof command.name !== 'string' ||
      !CHAT_INPUT_NAME.test(command.name) ||
      command.name !== command.name.toLowerCase()
    ) {
      errors.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    errors.lengthBetween([...path, 'description'], command.description, 1, 100);
  } else {
    errors.lengthBetween([...path, 'name'], command.name, 1, 32);
  }
  checkOptions(errors, command.options, [...path, 'options']);
}

function checkOptions(errors: ErrorCollector, options: unknown, path: readonly (string | number)[]): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  errors.maxItems(path, options, 25);
  let seenOptional = false;
  options.forEach((option: unknown, i) => {
    if (!isRecord(option)) return;
    const op = [...path, i];
    if (
      typeof option.name !== 'string' ||
      !CHAT_INPUT_NAME.test(option.name) ||
      option.name !== option.name.toLowerCase()
    ) {
      errors.add([...op, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    errors.lengthBetween([...op, 'description'], option.description, 1, 100);
    if (typeof option.max_length === 'number' && (option.max_length < 1 || option.max_length > 6000)) {
      errors.add([...op, 'max_length'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 6000.');
    }
    if (Array.isArray(option.choices)) errors.maxItems([...op, 'choices'], option.choices, 25);
    if (option.required === true && seenOptional) {
      errors.add(
        [...op, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option.required !== true && option.type !== 1 && option.type !== 2) seenOptional = true;
    checkOptions(errors, option.options, [...op, 'options']);
  });
}
