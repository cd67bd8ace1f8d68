import { queryValue } from './query-value';

/** How a reader reports an error in a page, from the project's public identity. */
export interface ReportChannels {
  contactEmail?: string | undefined;
  repositoryUrl?: string | undefined;
}

export interface ReportedPage {
  /** The page's canonical address, so the keepers know which page is meant. */
  url: string;
  /** The subject line, in the page's language. */
  subject: string;
}

/**
 * An e-mail to the keepers, which needs no account and no third-party service
 * and can be written offline; where no address is configured, the
 * repository's issues page. Undefined when the project has neither.
 */
export function reportErrorHref(channels: ReportChannels, page: ReportedPage): string | undefined {
  if (channels.contactEmail) {
    const query = `subject=${queryValue(page.subject)}&body=${queryValue(`${page.url}\n\n`)}`;
    return `mailto:${channels.contactEmail}?${query}`;
  }
  if (channels.repositoryUrl) return new URL('issues', channels.repositoryUrl.replace(/\/*$/, '/')).href;
  return undefined;
}
