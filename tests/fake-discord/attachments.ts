import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { InteractionExtras, InteractionInit, OptionValue } from './interactions.ts';
import { slashCommand } from './interactions.ts';
import { nextSnowflake } from './snowflake.ts';

/** A file as Discord describes an uploaded attachment (the URL is served by the test's own CDN). */
export interface AttachmentInit {
  filename: string;
  url: string;
  contentType?: string;
  size?: number;
}

/**
 * A chat-input command with one ATTACHMENT option: the option's value is the attachment id and
 * the file itself is described in `data.resolved.attachments`, as Discord sends it.
 */
export function slashCommandWithAttachment(
  name: string,
  options: Readonly<Record<string, OptionValue>>,
  attachment: { option: string } & AttachmentInit,
  extras: InteractionExtras = {},
): InteractionInit {
  const base = slashCommand(name, options, extras);
  const id = nextSnowflake();
  const data = base.data as { options: unknown[] };
  return {
    ...base,
    data: {
      ...base.data,
      options: [
        ...data.options,
        { name: attachment.option, type: ApplicationCommandOptionType.Attachment, value: id },
      ],
      resolved: {
        attachments: {
          [id]: {
            id,
            filename: attachment.filename,
            size: attachment.size ?? 1000,
            url: attachment.url,
            proxy_url: attachment.url,
            ...(attachment.contentType ? { content_type: attachment.contentType } : {}),
          },
        },
      },
    },
  };
}
